// Mobile delivery bench (issue 14 item 9 and its Benchmark section): the built web client served
// by the API, in Debian's Chromium at Lighthouse's mobile settings. Prints, for the sign-in page and
// the signed-in Accueil, LCP, TBT and the bytes transferred under 4× CPU and slow-4G throttling
// applied through CDP (Lighthouse's "devtools" method), the API requests Accueil sent, then the
// real Lighthouse performance score (its simulated throttling, offline against the same Chromium),
// then Tâches with 1,000 tasks: the longest main-thread task of each step (goal: none over 200 ms).
// BENCH_ONLY=lighthouse (BENCH_LIGHTHOUSE_RUNS=3, BENCH_LIGHTHOUSE_TASKS=0 leaves Tâches out,
// BENCH_LIGHTHOUSE_DEVTOOLS=0 the devtools-throttled loads; BENCH_LIGHTHOUSE_SCORES=3 scores Accueil
// signed in three times; BENCH_LIGHTHOUSE_TRACE=<dir> writes each Lighthouse trace there, for DevTools, and its report,
// with V8's samples if BENCH_LIGHTHOUSE_SAMPLES=1;
// BENCH_LIGHTHOUSE_PROFILE_TOP=100 lists that many functions of the CPU profile). Needs frontend/dist (`npm run build -w @panoramix/frontend`); skipped without it.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import lighthouse from 'lighthouse';
import { launchChromium } from './chromium.ts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { freePort } from '../../backend/src/db/local-server.ts';
import { startBenchApi } from './api-process.ts';
import { waitForPersisted } from './web.bench.ts';
import { seedWorkspaceIntoRunningApi } from './workspace.ts';
import type { WorkspaceSize } from './workspace.ts';

// WEB_DIST (the API's own setting) serves another build, e.g. an unminified one to read the profile's names.
const dist = path.resolve(process.env.WEB_DIST ?? path.resolve(import.meta.dirname, '../../frontend/dist'), 'index.html');
const runs = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
const scores = Number(process.env.BENCH_LIGHTHOUSE_SCORES ?? 1);
const traceDir = process.env.BENCH_LIGHTHOUSE_TRACE;
const profileTop = Number(process.env.BENCH_LIGHTHOUSE_PROFILE_TOP ?? 12);

/** A signed-in user with the issue's 1,000 tasks and a modest rest. */
const size: WorkspaceSize = {
  users: 2,
  projects: 10,
  tasks: 1_000,
  notes: 100,
  sessions: 10,
  linesPerSession: 5,
  othersShare: 0.1,
};

/** Lighthouse 12's mobile settings (moto g power, slow 4G as its devtools throttling applies it). */
const MOBILE = { width: 412, height: 823, deviceScaleFactor: 1.75 };
const MOBILE_USER_AGENT =
  'Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36';
const SLOW_4G = {
  offline: false,
  latency: 150 * 3.75,
  downloadThroughput: (1638.4 * 0.9 * 1024) / 8,
  uploadThroughput: (750 * 0.9 * 1024) / 8,
};
const CPU_SLOWDOWN = 4;

// Recorded from the document's first script on: what Lighthouse reads from the trace.
const observers = `
  window.__perf = { lcp: 0, fcp: 0, longTasks: [] };
  new PerformanceObserver((list) => { for (const e of list.getEntries()) { window.__perf.lcp = e.startTime;
    window.__perf.lcpElement = e.element ? e.element.tagName.toLowerCase() + (e.element.className ? '.' + String(e.element.className).split(' ').join('.') : '') + ' “' + (e.element.textContent || '').slice(0, 40) + '”' : e.url; } })
    .observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') window.__perf.fcp = e.startTime; })
    .observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__perf.longTasks.push([e.startTime, e.duration]); })
    .observe({ type: 'longtask', buffered: true });
`;

interface PageLoad {
  fcp: number;
  lcp: number;
  /** Total blocking time: each long task's part over 50 ms, from FCP to 5 s after load. */
  tbt: number;
  longest: number;
  transferredKb: number;
  scriptKb: number;
  api: string[];
  /** Each request's start and end (ms after navigation): the chunk waterfall. */
  timeline: string;
  /** The element of the last LCP candidate. */
  lcpElement: string;
  /** The long tasks after FCP, `start+duration` in ms: what TBT is made of. */
  longTasks: string;
  /** With `profile`: where the main thread spent its time (self time by script and by function). */
  cpu?: string;
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time of a CPU profile by script file and by function: the top `limit` of each. */
function summarizeProfile({ nodes, samples, timeDeltas }: CpuProfile, limit = 12): string {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (timeDeltas[i + 1] ?? 0) / 1000));
  const byFile = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const [id, ms] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const file = url.split('/').pop()?.split('?')[0] || `(${functionName || 'native'})`;
    byFile.set(file, (byFile.get(file) ?? 0) + ms);
    const name = `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
  }
  const top = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([name, ms]) => `${name} ${ms.toFixed(0)}`)
      .join(', ');
  // Inclusive time: each sample counts once for every function on its stack (a React render under a
  // timer, a sync answer's merge under its fetch): with an unminified build (WEB_DIST), what to cut.
  const parent = new Map<number, number>();
  for (const node of nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const inclusive = new Map<string, number>();
  samples.forEach((leaf, i) => {
    const ms = (timeDeltas[i + 1] ?? 0) / 1000;
    const seen = new Set<string>();
    for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) {
      const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
      if (!url) continue;
      seen.add(`${functionName || '(anonymous)'} ${url.split('/').pop()?.split('?')[0]}:${lineNumber + 1}`);
    }
    for (const name of seen) inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
  });
  return (
    `by file (ms): ${top(byFile)}\n  by function (ms): ${top(byFunction)}` +
    `\n  by function, with what it calls (ms): ${[...inclusive]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit * 3)
      .map(([name, ms]) => `${name} ${ms.toFixed(0)}`)
      .join(', ')}`
  );
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** One throttled navigation to `url`, measured until 5 s after its load event. */
async function throttledLoad(
  context: BrowserContext,
  url: string,
  ready: string,
  {
    cold = false,
    clearStorageOf,
    profile = false,
  }: {
    cold?: boolean;
    /** An origin whose storage (IndexedDB, localStorage) goes first, as Lighthouse does. */ clearStorageOf?: string;
    profile?: boolean;
  },
): Promise<PageLoad> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  await cdp.send('Network.enable');
  if (cold) await cdp.send('Network.clearBrowserCache');
  if (clearStorageOf) {
    await cdp.send('Storage.clearDataForOrigin', { origin: clearStorageOf, storageTypes: 'indexeddb,local_storage' });
  }
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  const kinds = new Map<string, string>();
  const api: string[] = [];
  let transferred = 0;
  let script = 0;
  cdp.on('Network.requestWillBeSent', ({ requestId, request, type }) => {
    kinds.set(requestId, type ?? '');
    const { pathname, search } = new URL(request.url);
    if (pathname.startsWith('/api/')) api.push(pathname + search.replace(/since=[^&]+/, 'since=…'));
  });
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    transferred += encodedDataLength;
    if (kinds.get(requestId) === 'Script') script += encodedDataLength;
  });
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await page.locator(ready).first().waitFor({ timeout: 120_000 });
  // Lighthouse's window for blocking time ends at TTI; 5 s past the load event bounds it from above.
  const perf = (await page.evaluate(`(async () => {
    const end = performance.getEntriesByType('navigation')[0].loadEventEnd + 5000;
    while (performance.now() < end) await new Promise((resolve) => setTimeout(resolve, 100));
    const timeline = performance.getEntriesByType('resource').map((e) =>
      e.name.split('/').pop().split('?')[0].replace(/-[\\w-]{8}\\.js$/, '.js') + ' ' + Math.round(e.startTime) + '–' + Math.round(e.responseEnd)).join(', ');
    return { ...window.__perf, timeline };
  })()`)) as { lcp: number; lcpElement: string; fcp: number; longTasks: [number, number][]; timeline: string };
  const cpu = profile ? summarizeProfile((await cdp.send('Profiler.stop')).profile as CpuProfile, profileTop) : undefined;
  await page.close();
  const counted = perf.longTasks.filter(([start]) => start >= perf.fcp);
  return {
    fcp: perf.fcp,
    lcp: perf.lcp,
    tbt: counted.reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0),
    longest: Math.max(0, ...perf.longTasks.map(([, duration]) => duration)),
    transferredKb: transferred / 1024,
    scriptKb: script / 1024,
    api,
    timeline: perf.timeline,
    lcpElement: perf.lcpElement,
    longTasks: counted.map(([start, duration]) => `${start.toFixed(0)}+${duration.toFixed(0)}`).join(', '),
    ...(cpu ? { cpu } : {}),
  };
}

function printLoads(label: string, loads: PageLoad[]) {
  const of = (key: keyof Omit<PageLoad, 'api' | 'timeline' | 'longTasks' | 'cpu' | 'lcpElement'>) =>
    median(loads.map((load) => load[key]));
  console.log(
    `${label.padEnd(44)} FCP ${of('fcp').toFixed(0).padStart(5)} ms  LCP ${of('lcp').toFixed(0).padStart(5)} ms` +
      ` (target < 2500${of('lcp') < 2500 ? '' : ', MISSED'})  TBT ${of('tbt').toFixed(0).padStart(4)} ms (target < 200${of('tbt') < 200 ? '' : ', MISSED'})` +
      `  longest task ${of('longest').toFixed(0)} ms  transferred ${of('transferredKb').toFixed(0)} KB (${of('scriptKb').toFixed(0)} KB of scripts)`,
  );
}

/** The real Lighthouse, performance only, at its default mobile settings (simulated throttling). */
async function lighthouseScore(port: number, url: string, cookie?: string, traceName?: string) {
  const result = await lighthouse(url, {
    port,
    logLevel: 'error',
    output: 'json',
    onlyCategories: ['performance'],
    // V8's samples in the saved trace: which functions each long task ran (they slow the page down).
    ...(traceDir && process.env.BENCH_LIGHTHOUSE_SAMPLES === '1'
      ? { additionalTraceCategories: 'disabled-by-default-v8.cpu_profiler' }
      : {}),
    // Lighthouse 12 clears only caches and workers by default, not IndexedDB or localStorage ("There may
    // be stored data…"): a second score of Accueil would paint from the replica the first one left.
    clearStorageTypes: ['file_systems', 'shader_cache', 'service_workers', 'cache_storage', 'indexeddb', 'local_storage'],
    ...(cookie ? { extraHeaders: { cookie } } : {}),
  });
  if (!result) throw new Error('Lighthouse returned nothing');
  const { lhr } = result;
  if (traceDir && traceName) {
    mkdirSync(traceDir, { recursive: true });
    writeFileSync(path.join(traceDir, `${traceName}.json`), JSON.stringify(result.artifacts.Trace));
    writeFileSync(path.join(traceDir, `${traceName}.lhr.json`), JSON.stringify(lhr));
  }
  if (lhr.runtimeError) return `failed: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`;
  const audit = (id: string) => lhr.audits[id];
  const ms = (id: string) => `${(audit(id)?.numericValue ?? Number.NaN).toFixed(0)} ms`;
  const kb = (bytes: unknown) => `${((typeof bytes === 'number' ? bytes : Number.NaN) / 1024).toFixed(0)} KB`;
  const blocking = audit('render-blocking-resources')?.details;
  const unused = audit('unused-javascript')?.details;
  // Where its blocking time comes from: the long tasks of its trace, and each script's main-thread time.
  const rows = (id: string) => {
    const details = audit(id)?.details;
    return (details && 'items' in details ? details.items : []) as Record<string, unknown>[];
  };
  const file = (url: unknown) =>
    String(url)
      .split('/')
      .pop()!
      .replace(/-[\w-]{8}\.js$/, '.js') || String(url);
  const num = (value: unknown) => (typeof value === 'number' ? value : Number.NaN).toFixed(0);
  const lcpElement = JSON.stringify(audit('largest-contentful-paint-element')?.details ?? {}).match(
    /"(?:snippet|nodeLabel)":"((?:[^"\\]|\\.)*)"/,
  )?.[1];
  const diagnosis =
    `\n  LCP element: ${lcpElement ?? 'unknown'}` +
    `\n  long tasks (start+ms, script): ${rows('long-tasks')
      .map((task) => `${num(task.startTime)}+${num(task.duration)} ${file(task.url)}`)
      .join(', ')}` +
    `\n  main thread by script (total/scripting ms): ${rows('bootup-time')
      .slice(0, 8)
      .map((script) => `${file(script.url)} ${num(script.total)}/${num(script.scripting)}`)
      .join(', ')}` +
    `\n  main thread by kind (ms): ${rows('mainthread-work-breakdown')
      .map((kind) => `${String(kind.groupLabel ?? kind.group)} ${num(kind.duration)}`)
      .join(', ')}`;
  return (
    `score ${Math.round((lhr.categories.performance?.score ?? 0) * 100)}: FCP ${ms('first-contentful-paint')}, LCP ${ms('largest-contentful-paint')}, ` +
    `TBT ${ms('total-blocking-time')}, SI ${ms('speed-index')}, CLS ${(audit('cumulative-layout-shift')?.numericValue ?? 0).toFixed(3)}, ` +
    `bytes ${kb(audit('total-byte-weight')?.numericValue)}, unused JS ${kb(unused && 'overallSavingsBytes' in unused ? unused.overallSavingsBytes : 0)}, ` +
    `render-blocking ${blocking && 'items' in blocking ? blocking.items.length : 0}` +
    (lhr.runWarnings.length > 0 ? ` (warnings: ${lhr.runWarnings.join('; ')})` : '') +
    diagnosis
  );
}

/** The refresh cookie a browser gets from signing in: what a returning signed-in phone sends. */
async function refreshCookie(base: string, username: string, password: string) {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('pnx_refresh='));
  if (!cookie) throw new Error(`sign-in answered ${response.status} without a refresh cookie`);
  return cookie.split(';')[0]!;
}

/** Runs `action` in the page, then waits for `done` and one more frame: the longest task meanwhile. */
async function longestTaskDuring(page: Page, action: string, done: string): Promise<{ ms: number; longest: number }> {
  return page.evaluate(`(async () => {
    const tasks = [];
    const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) tasks.push(e.duration); });
    observer.observe({ type: 'longtask' });
    const started = performance.now();
    ${action};
    while (!(${done})) {
      if (performance.now() - started > 60000) throw new Error(${JSON.stringify(`not done within 60 s: ${done}`)});
      await new Promise(requestAnimationFrame);
    }
    const ms = performance.now() - started;
    // Long tasks are reported after they end: let the frame that painted the result finish.
    await new Promise((resolve) => setTimeout(resolve, 300));
    observer.disconnect();
    return { ms, longest: Math.max(0, ...tasks) };
  })()`);
}

async function tasksRender(browser: Browser, base: string, credentials: { username: string; password: string }, cpu: number) {
  const context = await browser.newContext({ baseURL: base, locale: 'fr-FR', viewport: { width: 1280, height: 800 } });
  await context.addInitScript(observers);
  const page = await context.newPage();
  await page.goto('/home');
  await page.getByLabel('Nom d’utilisateur').fill(credentials.username);
  await page.getByLabel('Mot de passe').fill(credentials.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.locator('.dashboard').waitFor({ timeout: 60_000 });
  await page.locator('.shell[data-live="online"]').waitFor({ state: 'attached', timeout: 60_000 });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  const steps: string[] = [];
  const step = async (label: string, action: string, done: string) => {
    const { ms, longest } = await longestTaskDuring(page, action, done);
    steps.push(`${label} ${ms.toFixed(0)} ms (longest task ${longest.toFixed(0)} ms${longest <= 200 ? '' : ', MISSED'})`);
    return longest;
  };
  const rows = `document.querySelectorAll('.task-list li').length`;
  let worst = await step('open Tâches', `document.querySelector('a.nav-item[href="/tasks"]').click()`, `${rows} > 0`);
  // Every status, then every page of rows: all 1,000 tasks in the list.
  worst = Math.max(
    worst,
    await step(
      'all statuses',
      `window.__listChanged = false;
       new MutationObserver(() => (window.__listChanged = true)).observe(document.querySelector('.task-list'), { subtree: true, childList: true, characterData: true });
       const select = [...document.querySelectorAll('.task-filters select')][1];
       select.value = 'all'; select.dispatchEvent(new Event('change', { bubbles: true }))`,
      'window.__listChanged',
    ),
  );
  let pages = 0;
  while ((await page.locator('.load-more button').count()) > 0 && pages < 20) {
    pages += 1;
    const longest = await step(
      `page ${pages + 1}`,
      `window.__rows = ${rows}; document.querySelector('.load-more button').click()`,
      `${rows} > window.__rows`,
    );
    worst = Math.max(worst, longest);
  }
  const shown = await page.locator('.task-list li').count();
  worst = Math.max(
    worst,
    await step(
      `Accueil and back to Tâches (${shown} rows)`,
      `document.querySelector('a.nav-item[href="/home"]').click();
       await new Promise((resolve) => { const wait = () => document.querySelector('.dashboard') ? resolve() : requestAnimationFrame(wait); wait(); });
       document.querySelector('a.nav-item[href="/tasks"]').click()`,
      `document.querySelector('.task-list li') !== null`,
    ),
  );
  console.log(
    `Tâches, ${size.tasks} tasks, CPU ${cpu}×: longest task ${worst.toFixed(0)} ms (target ≤ 200 ms${worst <= 200 ? '' : ', MISSED'})`,
  );
  for (const line of steps) console.log(`    ${line}`);
  await context.close();
}

export async function lighthouseBench() {
  console.log('\n## Mobile delivery and Tâches render (Chromium, Lighthouse mobile settings)');
  if (!existsSync(dist)) {
    console.log('skipped: frontend/dist is missing (npm run build -w @panoramix/frontend)');
    return;
  }
  const api = await startBenchApi();
  const port = await freePort();
  const browser = await launchChromium([
    `--remote-debugging-port=${port}`,
    // Only the app may be reached. Not by routing requests in Playwright: that turns the HTTP cache off.
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  ]);
  try {
    const { user } = await seedWorkspaceIntoRunningApi(api.database, size);
    console.log(
      `workspace: ${size.tasks} tasks, ${size.notes} notes, ${size.projects} projects; ${runs} runs each, medians; ` +
        `load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`,
    );
    if (process.env.BENCH_LIGHTHOUSE_DEVTOOLS !== '0') {
      const context = await browser.newContext({
        baseURL: api.base,
        locale: 'fr-FR',
        viewport: { width: MOBILE.width, height: MOBILE.height },
        deviceScaleFactor: MOBILE.deviceScaleFactor,
        isMobile: true,
        hasTouch: true,
        userAgent: MOBILE_USER_AGENT,
      });
      await context.addInitScript(observers);

      const login: PageLoad[] = [];
      for (let i = 0; i < runs; i++) login.push(await throttledLoad(context, '/login', 'button[type=submit]', { cold: true }));
      printLoads('sign-in page, nothing cached', login);
      console.log(`  requests (ms after navigation): ${login.at(-1)!.timeline}`);

      // Signed in once, unthrottled: the refresh cookie and the replica in IndexedDB stay.
      const page = await context.newPage();
      await page.goto('/login');
      await page.getByLabel('Nom d’utilisateur').fill(user.username);
      await page.getByLabel('Mot de passe').fill(user.password);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.locator('.dashboard').waitFor({ timeout: 60_000 });
      await waitForPersisted(page, 5);
      await page.close();
      const cold: PageLoad[] = [];
      for (let i = 0; i < runs; i++) cold.push(await throttledLoad(context, '/home', '.dashboard', { cold: true }));
      printLoads('Accueil signed in, HTTP cache empty', cold);
      console.log(`  API requests: ${cold.at(-1)!.api.join(' ')}`);
      console.log(`  requests (ms after navigation): ${cold.at(-1)!.timeline}`);
      console.log(`  long tasks after FCP (start+ms): ${cold.at(-1)!.longTasks}`);
      // What Lighthouse measures: only the sign-in cookie is left, the first snapshot comes over the network.
      // The last run records a CPU profile: where the main thread's time goes.
      const bare: PageLoad[] = [];
      for (let i = 0; i < runs; i++) {
        const profile = i === runs - 1;
        bare.push(await throttledLoad(context, '/home', '.dashboard', { cold: true, clearStorageOf: api.base, profile }));
      }
      printLoads('Accueil signed in, storage cleared too', bare);
      console.log(`  API requests: ${bare.at(-1)!.api.join(' ')}`);
      console.log(`  requests (ms after navigation): ${bare.at(-1)!.timeline}`);
      console.log(`  long tasks after FCP (start+ms): ${bare.at(-1)!.longTasks}`);
      console.log(`  LCP element: ${bare.at(-1)!.lcpElement}`);
      console.log(`  CPU ${bare.at(-1)!.cpu}`);
      // A repeat visit again: the replica of the previous visit back in IndexedDB first.
      const again = await context.newPage();
      await again.goto('/home');
      await again.locator('.dashboard').waitFor({ timeout: 60_000 });
      await waitForPersisted(again, 5);
      await again.close();
      const warm: PageLoad[] = [];
      for (let i = 0; i < runs; i++) warm.push(await throttledLoad(context, '/home', '.dashboard', {}));
      printLoads('Accueil signed in, repeat visit', warm);
      console.log(`  long tasks after FCP (start+ms): ${warm.at(-1)!.longTasks}`);
      await context.close();
    }

    // Lighthouse itself, in its own tab of the same Chromium; it clears storage and cache first (IndexedDB
    // and localStorage too, see lighthouseScore), so the signed-in run is a phone with only its sign-in
    // cookie: the first snapshot included.
    console.log(`Lighthouse sign-in page:      ${await lighthouseScore(port, `${api.base}/login`, undefined, 'login')}`);
    for (let i = 1; i <= scores; i++) {
      // A sign-in of its own each time: a refresh cookie is spent once (its reuse signs the family out).
      const cookie = await refreshCookie(api.base, user.username, user.password);
      const load = `load average ${loadavg()[0]!.toFixed(1)}`;
      console.log(
        `Lighthouse Accueil signed in (${load}): ${await lighthouseScore(port, `${api.base}/home`, cookie, `home-${i}`)}`,
      );
    }

    if (process.env.BENCH_LIGHTHOUSE_TASKS !== '0') {
      await tasksRender(browser, api.base, user, 1);
      await tasksRender(browser, api.base, user, CPU_SLOWDOWN);
    }
  } finally {
    await browser.close();
    await api.stop();
  }
}

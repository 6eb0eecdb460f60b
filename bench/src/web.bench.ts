// Web replica bench (issue 19): the issue's workspace in Debian's Chromium, against the built web
// client served by the API. Prints the first snapshot of every replicated collection, a reload
// painted from IndexedDB, then switching to Tâches, changing a filter, opening the Eisenhower
// matrix and the dashboard: each one's time to its screen and the API requests it sent.
// Needs frontend/dist (`npm run build -w @panoramix/frontend`); skipped without it.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { launchChromium } from './chromium.ts';
import type { CDPSession, Page, Request, Response } from 'playwright-core';
import { startBenchApi } from './api-process.ts';
import { seedWorkspaceIntoRunningApi, workspaceSize } from './workspace.ts';

const dist = path.resolve(import.meta.dirname, '../../frontend/dist/index.html');
const TASK_ROW = '.task-list li';

/**
 * Runs `action` in the page and polls each frame until `done` holds: milliseconds from one to the
 * other. Page code is passed as text: tsx would wrap functions handed to the page in its own helpers.
 */
const timeInPage = (page: Page, action: string, done: string): Promise<number> =>
  page.evaluate(`(async () => {
    const started = performance.now();
    ${action};
    while (!(${done})) await new Promise(requestAnimationFrame);
    return performance.now() - started;
  })()`);

/** Chromium's own accounting of the page's main thread (ms of script, layout, style since `Performance.enable`). */
async function mainThread(cdp: CDPSession) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const of = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return { script: of('ScriptDuration'), layout: of('LayoutDuration'), style: of('RecalcStyleDuration') };
}

const spentBetween = (before: Awaited<ReturnType<typeof mainThread>>, after: typeof before) =>
  (['script', 'layout', 'style'] as const).map((k) => `${k} ${(after[k] - before[k]).toFixed(0)} ms`).join(', ');

/** The API requests sent while `work` runs, and where the main thread's time went meanwhile. */
async function requestsDuring(cdp: CDPSession, requests: string[], work: () => Promise<number>) {
  const before = requests.length;
  const spentBefore = await mainThread(cdp);
  if (profiling) await cdp.send('Profiler.start');
  const ms = await work();
  const hot = profiling ? hottest((await cdp.send('Profiler.stop')).profile) : '';
  return { ms, sent: requests.slice(before), profile: spentBetween(spentBefore, await mainThread(cdp)) + hot };
}

/**
 * BENCH_WEB_PROFILE=1: each step's CPU profile, as the functions with the most self time. Names
 * read best with an unminified build: `vite build --minify false --outDir <dir>` and BENCH_WEB_DIST=<dir>.
 */
const profiling = process.env.BENCH_WEB_PROFILE === '1';

/** The part of a CDP CPU profile read here. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples?: number[];
}

function hottest(profile: CpuProfile, top = 8): string {
  const samples = new Map<number, number>();
  for (const id of profile.samples ?? []) samples.set(id, (samples.get(id) ?? 0) + 1);
  const bySite = new Map<string, number>();
  for (const node of profile.nodes) {
    const count = samples.get(node.id);
    if (!count) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const site = `${functionName || '(anonymous)'} ${url.split('/').pop() ?? ''}:${lineNumber + 1}`;
    bySite.set(site, (bySite.get(site) ?? 0) + count);
  }
  const total = profile.samples?.length ?? 1;
  const rows = [...bySite].sort((a, b) => b[1] - a[1]).slice(0, top);
  return `\n    self time: ${rows.map(([site, n]) => `${site} ${((100 * n) / total).toFixed(0)}%`).join('; ')}`;
}

/** Polls the page's IndexedDB until the replica holds `count` collections (its writes are gathered). */
export const waitForPersisted = (page: Page, count: number) =>
  page.evaluate(`(async () => {
    const held = () => new Promise((resolve) => {
      const open = indexedDB.open('panoramix-replica');
      open.onerror = () => resolve(0);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('collections')) return resolve(0);
        const counting = db.transaction('collections').objectStore('collections').count();
        counting.onsuccess = () => resolve(counting.result);
      };
    });
    while ((await held()) < ${count}) await new Promise((r) => setTimeout(r, 50));
  })()`);

const line = (label: string, ms: number, target: number, sent: string[] = [], profile = '') =>
  console.log(
    `${label.padEnd(44)} ${ms.toFixed(0).padStart(6)} ms  (target < ${target} ms${ms < target ? '' : ', MISSED'})` +
      `  requests: ${sent.length === 0 ? 'none' : sent.join(' ')}${profile ? `; main thread: ${profile}` : ''}`,
  );

export async function webBench() {
  console.log('\n## Web replica (Chromium)');
  if (!existsSync(process.env.BENCH_WEB_DIST ? path.join(process.env.BENCH_WEB_DIST, 'index.html') : dist)) {
    console.log('skipped: frontend/dist is missing (npm run build -w @panoramix/frontend)');
    return;
  }
  const web = process.env.BENCH_WEB_DIST;
  const api = await startBenchApi(web ? { env: { WEB_DIST: web } } : {});
  const browser = await launchChromium();
  try {
    const { user } = await seedWorkspaceIntoRunningApi(api.database);
    console.log(`workspace: ${workspaceSize.tasks} tasks, ${workspaceSize.notes} notes, ${workspaceSize.sessions} sessions`);
    // bypassCSP: the measuring code below runs as page scripts, which the app's CSP would refuse.
    const context = await browser.newContext({
      baseURL: api.base,
      locale: 'fr-FR',
      viewport: { width: 1280, height: 800 },
      bypassCSP: true,
    });
    await context.route(/^(?!http:\/\/127\.0\.0\.1:)/, (route) => route.abort());
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    if (profiling) await cdp.send('Profiler.enable');
    const requests: string[] = [];
    const syncs: Response[] = [];
    /** When each sync request left and was answered whole, in ms after the sign-in click. */
    const syncTimes = new Map<Request, { sent: number; done?: number }>();
    let signedInAt = 0;
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/')) requests.push(url.pathname + url.search);
      if (url.pathname.startsWith('/api/sync/')) syncTimes.set(request, { sent: performance.now() - signedInAt });
    });
    page.on('requestfinished', (request) => {
      const times = syncTimes.get(request);
      if (times) times.done = performance.now() - signedInAt;
    });
    page.on('response', (response) => {
      if (new URL(response.url()).pathname.startsWith('/api/sync/')) syncs.push(response);
    });

    // Sign in on Tâches: the first snapshot of every collection a tab declares.
    await page.goto('/tasks');
    await page.getByLabel('Nom d’utilisateur').fill(user.username);
    await page.getByLabel('Mot de passe').fill(user.password);
    const threadBefore = await mainThread(cdp);
    signedInAt = performance.now();
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.locator(TASK_ROW).first().waitFor({ timeout: 60_000 });
    const firstRowsMs = performance.now() - signedInAt;
    const threadSpent = spentBetween(threadBefore, await mainThread(cdp));
    const snapshots = syncs.filter((r) => !new URL(r.url()).searchParams.has('since'));
    const sizes = await Promise.all(
      snapshots.map(async (response) => {
        const body = await response.body();
        const { responseStart } = response.request().timing();
        const { sent, done = Number.NaN } = syncTimes.get(response.request()) ?? { sent: Number.NaN };
        const name = new URL(response.url()).pathname.replace('/api/sync/', '');
        return `${name} ${(body.length / 1024).toFixed(0)} KB: sent at ${sent.toFixed(0)} ms, first byte ${responseStart.toFixed(0)} ms later, whole at ${done.toFixed(0)} ms`;
      }),
    );
    const snapshotMs = performance.now() - signedInAt;
    line('first snapshot, every collection', snapshotMs, 3000);
    console.log(
      `  tasks listed after ${firstRowsMs.toFixed(0)} ms (main thread: ${threadSpent}); per collection (uncompressed size; times after the sign-in click):`,
    );
    for (const size of sizes) console.log(`    ${size}`);

    // Reload: painted from IndexedDB, then caught up by version.
    await waitForPersisted(page, snapshots.length);
    const beforeReload = requests.length;
    if (profiling) await cdp.send('Profiler.start');
    await page.reload({ waitUntil: 'commit' });
    const paintedMs = await page
      .waitForFunction(`document.querySelector('${TASK_ROW}') !== null && performance.now()`, undefined, { polling: 'raf' })
      .then((handle) => handle.jsonValue() as Promise<number>);
    line('reload painted from IndexedDB (from navigation)', paintedMs, 300);
    if (profiling) console.log(hottest((await cdp.send('Profiler.stop')).profile, 12));
    // Where the reload's time went: what had to arrive before the replica could be read.
    const milestones = await page.evaluate(`(() => {
      const at = (part) => performance.getEntriesByType('resource').find((e) => e.name.includes(part));
      const end = (part) => Math.round(at(part)?.responseEnd ?? NaN);
      const nav = performance.getEntriesByType('navigation')[0];
      return 'document ' + Math.round(nav.domContentLoadedEventEnd) + ' ms, session refresh answered ' + end('/api/auth/refresh') +
        ' ms, data layer chunk ' + end('data-provider') + ' ms, replica chunk ' + end('/replica-') + ' ms, tasks chunk ' + end('tasks-page') + ' ms, IndexedDB read ' +
        Math.round(performance.getEntriesByName('panoramix:replica-restored')[0]?.startTime ?? NaN) + ' ms; then ' +
        performance.getEntriesByType('resource').filter((e) => e.startTime > end('tasks-page')).map((e) =>
          e.name.split('/').pop().split('?')[0] + ' ' + Math.round(e.startTime) + '-' + Math.round(e.responseEnd)).join(', ');
    })()`);
    console.log(`  (${milestones})`);
    console.log(`  (requests by then and after: ${requests.slice(beforeReload).join(' ')})`);
    await page.locator('.shell[data-live="online"]').waitFor({ state: 'attached' });

    const click = (selector: string) => `document.querySelector(${JSON.stringify(selector)}).click()`;
    // Accueil first, then back to Tâches: the tab's code is loaded, its data local.
    await page.locator('a.nav-item[href="/home"]').click();
    await page.locator('.dashboard').waitFor({ timeout: 30_000 });
    const toTasks = await requestsDuring(cdp, requests, () =>
      timeInPage(page, click('a.nav-item[href="/tasks"]'), `document.querySelector('${TASK_ROW}') !== null`),
    );
    line('switch to Tâches', toTasks.ms, 100, toTasks.sent, toTasks.profile);

    // Both lists show a page of rows: done when the list's rows changed.
    const listChanged = `(() => {
      window.__listChanged = false;
      new MutationObserver(() => (window.__listChanged = true)).observe(document.querySelector('.task-list'), { subtree: true, childList: true, characterData: true, attributes: true });
    })()`;
    const filter = await requestsDuring(cdp, requests, () =>
      timeInPage(
        page,
        `${listChanged};
         const select = [...document.querySelectorAll('.task-filters select')][1];
         select.value = 'all';
         select.dispatchEvent(new Event('change', { bubbles: true }))`,
        'window.__listChanged',
      ),
    );
    line('filter: status open → all', filter.ms, 100, filter.sent, filter.profile);

    const matrix = await requestsDuring(cdp, requests, () =>
      timeInPage(
        page,
        `[...document.querySelectorAll('input[type=radio]')].find((r) => r.value === 'matrix').click()`,
        `document.querySelector('.matrix .quadrant') !== null`,
      ),
    );
    line('open the Eisenhower matrix', matrix.ms, 100, matrix.sent, matrix.profile);

    const dashboard = await requestsDuring(cdp, requests, () =>
      timeInPage(page, click('a.nav-item[href="/home"]'), `document.querySelector('.dashboard') !== null`),
    );
    line('open the dashboard (Accueil)', dashboard.ms, 100, dashboard.sent, dashboard.profile);
  } finally {
    await browser.close();
    await api.stop();
  }
}

// The desktop client (issue 21): binary and .deb size; cold start to first paint under Xvfb (a new app
// process each run; the OS file cache is warm after the first); idle memory of the app with its WebKit
// processes beside Debian's Chromium showing the same sign-in page of the same build. Needs the release
// build: `npm run desktop:build` (or the desktop step of npm test) first.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { appBinary, descendants, startDesktop } from '../../e2e/desktop/desktop.ts';
import { repoRoot, startStack } from '../../e2e/support/stack.ts';
import { launchChromium } from './chromium.ts';

const RUNS = 3;
const IDLE_MS = 5000;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** RSS (counts shared pages in each process) and PSS (shares them out) of these processes, in bytes. */
async function memory(pids: number[]): Promise<{ rss: number; pss: number }> {
  let rss = 0;
  let pss = 0;
  for (const pid of pids) {
    const rollup = await readFile(`/proc/${pid}/smaps_rollup`, 'utf8').catch(() => '');
    rss += Number(/^Rss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0) * 1024;
    pss += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0) * 1024;
  }
  return { rss, pss };
}

/** Chromium's processes among this process's descendants (the API stack's are not Chromium). */
async function chromiumPids(): Promise<number[]> {
  const pids = await descendants(process.pid);
  const names = await Promise.all(pids.map((pid) => readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '')));
  return pids.filter((_, i) => /^chrom/.test(names[i]!));
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function desktopBench(): Promise<void> {
  console.log('\n# desktop');
  if (!existsSync(appBinary)) {
    console.log(`not measured: ${appBinary} is missing (npm run desktop:build first)`);
    return;
  }
  const debDir = path.join(path.dirname(appBinary), 'bundle/deb');
  const debs = existsSync(debDir) ? readdirSync(debDir).filter((f) => f.endsWith('.deb')) : [];
  console.log(
    `binary ${mb(statSync(appBinary).size)}${debs.map((d) => `, ${d} ${mb(statSync(path.join(debDir, d)).size)}`).join('')}`,
  );

  const stack = await startStack(path.join(repoRoot, 'frontend/dist'));
  try {
    const starts: number[] = [];
    const paints: number[] = [];
    let idle = { rss: 0, pss: 0 };
    for (let run = 1; run <= RUNS; run++) {
      const started = Date.now();
      const desktop = await startDesktop();
      try {
        // Xvfb, D-Bus and tauri-driver are up before the clock's start matters little (< 0.3 s); the
        // figure is dominated by the app, WebKit's processes and the page.
        await desktop.driver.find('h1, h2', { timeoutMs: 30_000 });
        starts.push(Date.now() - started);
        paints.push(
          await desktop.driver.execute<number>(
            "return performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1",
          ),
        );
        if (run === RUNS) {
          // The sign-in page, as Chromium shows it below.
          await desktop.driver.type(await desktop.driver.byLabel('Adresse du serveur'), stack.baseUrl);
          await desktop.driver.click(await desktop.driver.byName('button', 'Se connecter'));
          await desktop.driver.byLabel('Nom d’utilisateur');
          await pause(IDLE_MS); // idle: what the window holds once nothing happens
          idle = await memory(await desktop.appPids());
        }
      } finally {
        await desktop.stop();
      }
    }
    console.log(
      `cold start → first heading: p50 ${median(starts)} ms (${starts.join(', ')}); page first-contentful-paint p50 ${Math.round(median(paints))} ms`,
    );
    console.log(`desktop idle (app + WebKit processes): RSS ${mb(idle.rss)}, PSS ${mb(idle.pss)}`);

    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(stack.baseUrl);
      await page.getByLabel('Nom d’utilisateur').waitFor();
      await pause(IDLE_MS);
      const chromium = await memory(await chromiumPids());
      console.log(`chromium idle, same sign-in page (all its processes): RSS ${mb(chromium.rss)}, PSS ${mb(chromium.pss)}`);
    } finally {
      await browser.close();
    }
  } finally {
    await stack.stop();
  }
}

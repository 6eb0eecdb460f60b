// The built desktop app under test: a private session D-Bus with the test's notification daemon,
// an Xvfb display, tauri-driver (bridging to Debian's WebKitWebDriver), and the app itself started
// over WebDriver with a fresh HOME (so its store, window state and secrets file start empty, and
// no Secret Service answers: the encrypted-file fallback is what runs here).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { freePort } from '../../backend/src/db/local-server.ts';
import { pause, WebDriver } from './webdriver.ts';

const cache = path.join(os.homedir(), '.cache/panoramix');
const targetDir = process.env.CARGO_TARGET_DIR ?? path.join(cache, 'tauri-target');
export const appBinary = path.join(targetDir, 'release/panoramix-desktop');
const tauriDriver = path.join(cache, 'cargo-tools/bin/tauri-driver');

export interface Notification {
  app: string;
  title: string;
  body: string;
  sound: string | null;
}

export interface Desktop {
  driver: WebDriver;
  /** Every notification the app sent so far, in order. */
  notifications: Notification[];
  /** The fresh HOME the app runs with. */
  home: string;
  /** The pids of the app and its WebKit processes (for memory figures). */
  appPids(): Promise<number[]>;
  stop(): Promise<void>;
}

/** Spawns `command` and resolves with it and its first stdout line that `accept` takes. */
async function startWithLine(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  accept: (line: string) => boolean,
  onLine: (line: string) => void = () => {},
): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const errors: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => errors.push(chunk.toString()));
  const lines = createInterface({ input: child.stdout! });
  const exited = once(child, 'exit').then(() => {
    throw new Error(`${command} exited early: ${errors.join('')}`);
  });
  const found = new Promise<string>((resolve) => {
    lines.on('line', (line) => {
      onLine(line);
      if (accept(line)) resolve(line);
    });
  });
  const line = await Promise.race([found, exited]);
  return { child, line };
}

async function waitForDriver(url: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const up = await fetch(`${url}/status`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return;
    await pause(100);
  }
  throw new Error(`tauri-driver did not answer at ${url}`);
}

/** Children of `pid`, recursively (from /proc), to find the app under WebKitWebDriver. */
export async function descendants(pid: number): Promise<number[]> {
  const { readdir, readFile } = await import('node:fs/promises');
  const parents = new Map<number, number[]>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const child of parents.get(p) ?? []) {
      out.push(child);
      walk(child);
    }
  };
  walk(pid);
  return out;
}

export async function startDesktop(): Promise<Desktop> {
  const home = await mkdtemp(path.join(os.tmpdir(), 'panoramix-desktop-'));
  const children: ChildProcess[] = [];
  const base: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    LANG: 'fr_FR.UTF-8',
    HOME: home,
    USER: process.env.USER ?? 'root',
    SHELL: '/bin/bash',
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local/share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    XDG_RUNTIME_DIR: home,
    NO_AT_BRIDGE: '1', // no accessibility bus to wait for
    WEBKIT_DISABLE_COMPOSITING_MODE: '1', // Xvfb has no GPU
    WEBKIT_DISABLE_DMABUF_RENDERER: '1', // nor DMA-BUF buffers, which WebKitGTK 2.42+ renders with by default
  };
  const stop = async () => {
    for (const child of children.reverse()) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await Promise.race([once(child, 'exit'), pause(3000)]);
        child.kill('SIGKILL');
      }
    }
    // WebKit's helper processes (the app's, not ours) may still write their caches into HOME as they
    // end: a removal that finds a folder refilled tries again (ENOTEMPTY seen in CI).
    await rm(home, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  };
  try {
    const bus = await startWithLine('dbus-daemon', ['--session', '--nofork', '--print-address=1'], base, (l) =>
      l.startsWith('unix:'),
    );
    children.push(bus.child);
    const env = { ...base, DBUS_SESSION_BUS_ADDRESS: bus.line.trim() };

    const notifications: Notification[] = [];
    const daemon = await startWithLine(
      '/usr/bin/python3',
      [path.join(import.meta.dirname, 'notifications.py')],
      env,
      (l) => l.includes('"ready"'),
      (l) => {
        const parsed = JSON.parse(l) as Notification & { ready?: boolean };
        if (!parsed.ready) notifications.push(parsed);
      },
    );
    children.push(daemon.child);

    const xvfb = await startWithLine('Xvfb', ['-displayfd', '1', '-screen', '0', '1280x900x24', '-nolisten', 'tcp'], env, (l) =>
      /^\d+$/.test(l.trim()),
    );
    children.push(xvfb.child);
    const display = `:${xvfb.line.trim()}`;

    const [port, nativePort] = [await freePort(), await freePort()];
    const driverEnv = { ...env, DISPLAY: display };
    const driverProcess = spawn(
      tauriDriver,
      ['--port', String(port), '--native-port', String(nativePort), '--native-driver', '/usr/bin/WebKitWebDriver'],
      { env: driverEnv, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    children.push(driverProcess);
    const driverUrl = `http://127.0.0.1:${port}`;
    await waitForDriver(driverUrl);
    const driver = await WebDriver.start(driverUrl, appBinary);
    return {
      driver,
      notifications,
      home,
      appPids: async () => {
        const { readFile } = await import('node:fs/promises');
        const pids = await descendants(driverProcess.pid!);
        const names = await Promise.all(pids.map((pid) => readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '')));
        return pids.filter((_, i) => /^(panoramix-deskt|WebKit(Web|Network)Pro)/.test(names[i]!));
      },
      stop: async () => {
        await driver.quit().catch(() => {});
        await stop();
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

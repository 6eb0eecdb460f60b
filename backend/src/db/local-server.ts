import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { cp, chmod, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';
export const FERRETDB_VERSION = 'v1.24.2';

export type DatabaseKind = 'external' | 'ferretdb' | 'mongodb-memory-server';

export interface RunningDatabase {
  kind: DatabaseKind;
  uri: string;
  stop(): Promise<void>;
}

const cacheDir = () => path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'panoramix');
export const ferretBinaryPath = () => path.join(cacheDir(), `ferretdb-${FERRETDB_VERSION}`, 'ferretdb');

/**
 * Builds FerretDB from its module on the Go module proxy, once per machine.
 * `go install` alone yields a binary that refuses to start: the module ships an empty
 * build/version/version.txt, which FerretDB's own build fills in with `git describe`.
 * So we copy the downloaded module, write that file, and build its cmd/ferretdb.
 */
export async function ensureFerretBinary(log: (msg: string) => void = () => {}): Promise<string> {
  const binary = ferretBinaryPath();
  if (existsSync(binary)) return binary;
  log(`building FerretDB ${FERRETDB_VERSION} with Go (first run only, about a minute)…`);
  const { stdout } = await run('go', ['mod', 'download', '-json', `${FERRETDB_MODULE}@${FERRETDB_VERSION}`], {
    maxBuffer: 8 * 1024 * 1024,
  });
  const moduleDir = (JSON.parse(stdout) as { Dir: string }).Dir;
  const work = await mkdtemp(path.join(os.tmpdir(), 'ferretdb-src-'));
  try {
    await cp(moduleDir, work, { recursive: true });
    await run('chmod', ['-R', 'u+w', work]);
    await writeFile(path.join(work, 'build/version/version.txt'), `${FERRETDB_VERSION}\n`);
    await mkdir(path.dirname(binary), { recursive: true });
    const partial = `${binary}.${process.pid}.partial`;
    await run('go', ['build', '-trimpath', '-o', partial, './cmd/ferretdb'], {
      cwd: work,
      env: { ...process.env, CGO_ENABLED: '0', GOFLAGS: '-mod=mod' },
      maxBuffer: 8 * 1024 * 1024,
    });
    await chmod(partial, 0o755);
    await rename(partial, binary); // atomic: a concurrent build never sees half a binary
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return binary;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once `child` (named `name` in errors) accepts connections on the loopback `port`. */
export async function waitForPort(port: number, child: ChildProcess, timeoutMs: number, name = 'FerretDB'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${name} did not listen on ${port} within ${timeoutMs} ms`);
}

/** FerretDB on SQLite: telemetry and debug listener off, its own port and state dir. */
export async function startFerretDb(dir: string, log: (msg: string) => void = () => {}): Promise<RunningDatabase> {
  const binary = await ensureFerretBinary(log);
  const sqliteDir = path.join(dir, 'sqlite');
  const stateDir = path.join(dir, 'state');
  await mkdir(sqliteDir, { recursive: true });
  await mkdir(stateDir, { recursive: true });
  const port = await freePort();
  const logFile = createWriteStream(path.join(dir, 'ferretdb.log'), { flags: 'a' });
  const child = spawn(
    binary,
    [
      '--handler=sqlite',
      `--sqlite-url=file:${sqliteDir}/`,
      `--listen-addr=127.0.0.1:${port}`,
      `--state-dir=${stateDir}`,
      '--telemetry=disable',
      '--debug-addr=-',
      '--log-level=warn',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.pipe(logFile);
  child.stderr?.pipe(logFile);
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  await waitForPort(port, child, 30_000);
  return {
    kind: 'ferretdb',
    uri: `mongodb://127.0.0.1:${port}/`,
    stop: async () => {
      process.off('exit', killOnExit);
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function startMemoryServer(dir: string): Promise<RunningDatabase> {
  const { MongoMemoryServer } = await import('mongodb-memory-server-core');
  const dbPath = path.join(dir, 'mongodb');
  await mkdir(dbPath, { recursive: true });
  const server = await MongoMemoryServer.create({ instance: { dbPath, ip: '127.0.0.1' } });
  return { kind: 'mongodb-memory-server', uri: server.getUri(), stop: async () => void (await server.stop()) };
}

/**
 * The database the process uses, in order: `MONGODB_URI` if set; else a local FerretDB
 * (built on first use) keeping its files under `dir`; else mongodb-memory-server.
 */
export async function startDatabase(dir: string, log: (msg: string) => void = () => {}): Promise<RunningDatabase> {
  const external = process.env.MONGODB_URI;
  if (external) return { kind: 'external', uri: external, stop: async () => {} };
  try {
    return await startFerretDb(dir, log);
  } catch (error) {
    log(`FerretDB unavailable (${(error as Error).message}); falling back to mongodb-memory-server`);
    return startMemoryServer(dir);
  }
}

import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { cp, chmod, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chooseDatabase, readRecordedEngine, recordEngine } from './engine-choice.ts';
import type { LocalEngine } from './engine-choice.ts';
import { findMongod } from './mongod-binary.ts';
import type { FindMongod } from './mongod-binary.ts';

const run = promisify(execFile);

export const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';
export const FERRETDB_VERSION = 'v1.24.2';

export type DatabaseKind = 'external' | LocalEngine;

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

/**
 * Supervises a database server started as `child` on `port`: killed with this process, stopped
 * gracefully (SIGTERM, then waits for its exit) by `stop()`.
 */
async function supervise(kind: LocalEngine, child: ChildProcess, port: number, dir: string): Promise<RunningDatabase> {
  const logFile = createWriteStream(path.join(dir, `${kind}.log`), { flags: 'a' });
  child.stdout?.pipe(logFile);
  child.stderr?.pipe(logFile);
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  try {
    const spawnFailed = new Promise<never>((_, reject) => child.once('error', reject)); // e.g. ENOENT
    await Promise.race([waitForPort(port, child, 60_000, kind), spawnFailed]);
  } catch (error) {
    process.off('exit', killOnExit);
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message} (see ${path.join(dir, `${kind}.log`)})`);
  }
  return {
    kind,
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

/**
 * FerretDB on SQLite: telemetry and debug listener off, its own port and state dir. FerretDB opens
 * SQLite in WAL mode with synchronous FULL, an fsync at every commit, and it commits each document
 * an update or delete changes on its own: about 25 ms a document here (512 queue entries claimed
 * by one updateMany: 14 s). synchronous NORMAL, SQLite's advice for WAL, syncs at checkpoints:
 * a crash of the process loses nothing; a power cut may lose the last commits, never consistency.
 */
export async function startFerretDb(dir: string, log: (msg: string) => void = () => {}): Promise<RunningDatabase> {
  const binary = await ensureFerretBinary(log);
  const sqliteDir = path.join(dir, 'sqlite');
  const stateDir = path.join(dir, 'state');
  await mkdir(sqliteDir, { recursive: true });
  await mkdir(stateDir, { recursive: true });
  const port = await freePort();
  const child = spawn(
    binary,
    [
      '--handler=sqlite',
      `--sqlite-url=file:${sqliteDir}/?_pragma=synchronous(normal)`,
      `--listen-addr=127.0.0.1:${port}`,
      `--state-dir=${stateDir}`,
      '--telemetry=disable',
      '--debug-addr=-',
      '--log-level=warn',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return supervise('ferretdb', child, port, dir);
}

/** MongoDB's own server, data in `dir/mongodb` (where the earlier mongodb-memory-server fallback kept it). */
async function startMongod(binary: string, dir: string): Promise<RunningDatabase> {
  const dbPath = path.join(dir, 'mongodb');
  await mkdir(dbPath, { recursive: true });
  const port = await freePort();
  const child = spawn(binary, ['--dbpath', dbPath, '--bind_ip', '127.0.0.1', '--port', String(port), '--quiet'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return supervise('mongod', child, port, dir);
}

/**
 * The database the process uses (see chooseDatabase): `MONGODB_URI` if set; else the engine `dir`
 * was created with; for a new folder a mongod when one can be had, else FerretDB. Throws, with
 * what to do, rather than open an empty database of the other kind.
 */
export async function startDatabase(
  dir: string,
  log: (msg: string) => void = () => {},
  { find = findMongod }: { find?: FindMongod } = {},
): Promise<RunningDatabase> {
  const mongodbUri = process.env.MONGODB_URI;
  const recorded = mongodbUri ? undefined : await readRecordedEngine(dir);
  // Only look (and maybe download) when the answer can matter.
  const mongod = mongodbUri || recorded === 'ferretdb' ? undefined : await find(log);
  const choice = chooseDatabase({ mongodbUri, recorded, mongodAvailable: mongod !== undefined, dir });
  if ('refuse' in choice) throw new Error(choice.refuse);
  if (choice.start === 'external') return { kind: 'external', uri: choice.uri, stop: async () => {} };
  await mkdir(dir, { recursive: true });
  let database: RunningDatabase;
  try {
    database = choice.start === 'mongod' ? await startMongod(mongod!.path, dir) : await startFerretDb(dir, log);
  } catch (error) {
    const remedy =
      choice.start === 'ferretdb'
        ? 'FerretDB is built with Go on first use: install Go, or install MongoDB (mongod on PATH), or set MONGODB_URI'
        : 'fix what its log says, or set MONGODB_URI to a MongoDB server';
    throw new Error(`${choice.start} could not start in ${dir}: ${(error as Error).message}. ${remedy}.`, { cause: error });
  }
  if (recorded === undefined) await recordEngine(dir, choice.start);
  return database;
}

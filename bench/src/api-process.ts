import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { freePort, startDatabase } from '../../backend/src/db/local-server.ts';

export const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
export const durationMs = Number(process.env.BENCH_SECONDS ?? 10) * 1000;
const root = path.resolve(import.meta.dirname, '../..');

async function waitReady(base: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/api/ready`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('API not ready in time');
}

/** The database the bench's API processes use, for a bench that reads or writes it directly. */
export interface BenchDatabase {
  uri: string;
  name: string;
}

/**
 * The real entry point in production mode on a fresh database (local FerretDB unless
 * MONGODB_URI is set), with sign-in limits lifted so the load is not refused. `instances`
 * API processes share the database (and `env`, e.g. REDIS_URL); `base` is the first one's.
 */
export async function startBenchApi(
  options: {
    instances?: number;
    env?: Record<string, string>;
    /** Node options before the entry point (e.g. the memory probe's preload); the instances then get an IPC channel. */
    nodeArgs?: string[];
    /** Each JSON log line the instances write (stdout is dropped otherwise); set LOG_LEVEL in `env` to get more than warnings. */
    onLog?: (entry: Record<string, unknown>) => void;
  } = {},
) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'panoramix-bench-'));
  const database = await startDatabase(path.join(dir, 'db'), (msg) => console.log(msg));
  const benchDatabase: BenchDatabase = { uri: database.uri, name: `bench_${process.pid}` };
  const jwtSecret = randomBytes(32).toString('hex');
  async function spawnInstance() {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', ...(options.nodeArgs ?? []), 'backend/src/main.ts'], {
      cwd: root,
      stdio: ['ignore', options.onLog ? 'pipe' : 'ignore', 'inherit', ...(options.nodeArgs ? ['ipc' as const] : [])],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        JWT_SECRET: jwtSecret,
        ALLOW_REGISTRATION: 'true',
        MONGODB_URI: database.uri,
        MONGODB_DB: benchDatabase.name,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dir,
        LOG_LEVEL: 'warn',
        LOGIN_IP_MAX: '1000000000',
        LOGIN_USER_FAILURES_MAX: '1000000000',
        ...options.env,
      },
    });
    if (options.onLog && child.stdout) {
      const onLog = options.onLog;
      createInterface({ input: child.stdout }).on('line', (line) => {
        if (line.startsWith('{')) onLog(JSON.parse(line) as Record<string, unknown>);
      });
    }
    const base = `http://127.0.0.1:${port}`;
    await waitReady(base);
    return { base, child };
  }
  const spawnedAt = performance.now();
  const instances = [await spawnInstance()];
  const coldStartMs = performance.now() - spawnedAt;
  while (instances.length < (options.instances ?? 1)) instances.push(await spawnInstance());
  const base = instances[0]!.base;
  console.log(`database: ${database.kind}; ${connections} connections, ${durationMs / 1000} s per scenario`);

  async function register(credentials: { username: string; password: string }) {
    const res = await fetch(`${base}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(credentials),
    });
    const { accessToken } = (await res.json()) as { accessToken: string };
    return { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
  }

  /** Creates `count` items through the API, `parallel` at a time; returns their ids. */
  async function seed(headers: Record<string, string>, url: string, count: number, body: (i: number) => unknown, parallel = 16) {
    const ids: string[] = [];
    for (let start = 0; start < count; start += parallel) {
      const batch = Array.from({ length: Math.min(parallel, count - start) }, (_, k) =>
        fetch(`${base}${url}`, { method: 'POST', headers, body: JSON.stringify(body(start + k)) }).then(
          (r) => r.json() as Promise<{ id: string }>,
        ),
      );
      ids.push(...(await Promise.all(batch)).map((item) => item.id));
    }
    return ids;
  }

  async function stop() {
    await Promise.all(
      instances.map(({ child }) => {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        return exited;
      }),
    );
    await database.stop();
    await rm(dir, { recursive: true, force: true });
  }
  // An interrupted bench (Ctrl+C, a time limit) still takes its API and database down with it.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop().finally(() => process.exit(130)));

  /** Process ids of the API instances, to read their memory. */
  const pids = instances.map(({ child }) => child.pid!);
  const bases = instances.map((i) => i.base);
  const children = instances.map((i) => i.child);
  return {
    base,
    bases,
    pids,
    children,
    coldStartMs,
    databaseKind: database.kind,
    database: benchDatabase,
    register,
    seed,
    stop,
  };
}

/** Sends `message` to an API process started with a probe (api-probe.ts, memory-probe.ts) and waits for the answer `pick` accepts. */
export function ask<T>(
  child: ChildProcess,
  message: string,
  pick: (answer: unknown) => T | undefined,
  timeoutMs = 30_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the API's probe did not answer ${message}`)), timeoutMs);
    const listen = (answer: unknown) => {
      const value = pick(answer);
      if (value === undefined) return;
      clearTimeout(timer);
      child.off('message', listen);
      resolve(value);
    };
    child.on('message', listen);
    child.send(message);
  });
}

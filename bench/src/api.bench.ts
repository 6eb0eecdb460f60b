// API benchmark: cold start to /api/ready, then 50 concurrent clients for 10 s on sign-in and
// on an owned list route. Runs the real entry point against a local FerretDB (or MONGODB_URI).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort, startDatabase } from '../../backend/src/db/local-server.ts';
import { printResults, runLoad } from './load.ts';

const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const durationMs = Number(process.env.BENCH_SECONDS ?? 10) * 1000;
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

async function main() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'panoramix-bench-'));
  const database = await startDatabase(path.join(dir, 'db'), (msg) => console.log(msg));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  console.log(`database: ${database.kind}; ${connections} connections, ${durationMs / 1000} s per scenario`);

  const spawnedAt = performance.now();
  const api = spawn(process.execPath, ['--import', 'tsx', 'backend/src/main.ts'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      JWT_SECRET: randomBytes(32).toString('hex'),
      ALLOW_REGISTRATION: 'true',
      MONGODB_URI: database.uri,
      MONGODB_DB: 'bench',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dir,
      LOG_LEVEL: 'warn',
      LOGIN_IP_MAX: '1000000000',
      LOGIN_USER_FAILURES_MAX: '1000000000',
    },
  });
  try {
    await waitReady(base);
    const coldStartMs = performance.now() - spawnedAt;

    const credentials = { username: 'bench_user', password: 'bench-password-123' };
    const register = await fetch(`${base}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(credentials),
    });
    const { accessToken } = (await register.json()) as { accessToken: string };
    const auth = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
    for (let i = 0; i < 500; i++) {
      await fetch(`${base}/api/links`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ name: `Link ${i}`, url: `https://site${i}.test` }),
      });
    }

    const common = { connections, durationMs };
    const results = [
      await runLoad({
        ...common,
        label: 'GET /api/links?limit=50 (500 links)',
        url: `${base}/api/links?limit=50`,
        headers: auth,
        expect: 200,
      }),
      await runLoad({ ...common, label: 'GET /api/auth/me', url: `${base}/api/auth/me`, headers: auth, expect: 200 }),
      await runLoad({
        ...common,
        label: 'POST /api/links',
        url: `${base}/api/links`,
        method: 'POST',
        headers: auth,
        body: (i) => JSON.stringify({ name: `Bench ${i}`, url: `https://bench${i}.test` }),
        expect: 201,
      }),
      await runLoad({
        ...common,
        label: 'POST /api/auth/login (argon2id 19 MiB)',
        url: `${base}/api/auth/login`,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-client': 'native' },
        body: () => JSON.stringify(credentials),
        expect: 200,
      }),
    ];
    console.log(`\ncold start to /api/ready: ${coldStartMs.toFixed(0)} ms (process spawn → first 200)`);
    printResults(results);
  } finally {
    api.kill('SIGTERM');
    await new Promise((r) => api.once('exit', r));
    await database.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();

import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { io } from 'socket.io-client';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createClient } from './harness.ts';

const backendDir = path.resolve(import.meta.dirname, '..');
let child: ChildProcess | undefined;
let dataDir = '';
const logLines: string[] = [];

/** Starts the real entry point (`src/main.ts`) and resolves with its port once it listens. */
async function startProcess(): Promise<number> {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'panoramix-shutdown-'));
  child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: backendDir,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      MONGODB_URI: inject('mongoUri'),
      MONGODB_DB: `shutdown_${process.pid}`,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      ARGON2_MEMORY_KIB: '4096',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    createInterface({ input: child!.stdout! }).on('line', (line) => {
      logLines.push(line);
      const entry = JSON.parse(line) as { msg: string; port?: number };
      if (entry.msg === 'listening') resolve(entry.port!);
    });
    child!.once('exit', () => reject(new Error(`server exited before listening:\n${logLines.join('\n')}`)));
  });
}

afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
});

describe('graceful shutdown', () => {
  it('finishes the request in flight, disconnects sockets and exits 0 by itself', async () => {
    const port = await startProcess();
    const base = `http://127.0.0.1:${port}`;
    const register = await createClient(base).post('/api/auth/register', {
      username: 'shutdown_user',
      password: 'long-enough-pw',
    });
    const token = register.body.accessToken as string;

    const socket = io(base, { auth: { token }, transports: ['websocket'], reconnection: false });
    await new Promise((resolve) => socket.once('connect', () => resolve(undefined)));
    const socketClosed = new Promise((resolve) => socket.once('disconnect', resolve));

    // A request whose body is still arriving when SIGTERM lands.
    const body = JSON.stringify({ name: 'Written during shutdown', url: 'https://late.test' });
    const request = http.request(`${base}/api/links`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        authorization: `Bearer ${token}`,
      },
    });
    const response = once(request, 'response') as Promise<[http.IncomingMessage]>;
    request.write(body.slice(0, 10));
    await new Promise((r) => setTimeout(r, 150));

    const exited = once(child!, 'exit') as Promise<[number | null]>;
    child!.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 150));
    request.end(body.slice(10));

    const [res] = await response;
    expect(res.statusCode).toBe(201);
    await socketClosed;
    const [code] = await exited;
    expect(code, logLines.join('\n')).toBe(0);
  }, 30_000);
});

import http from 'node:http';
import { io } from 'socket.io-client';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { registerAt } from './harness.ts';
import { spawnApi } from './processes.ts';
import type { ApiProcess } from './processes.ts';

let api: ApiProcess | undefined;
afterAll(() => api?.kill());

describe('graceful shutdown', () => {
  it('finishes the request in flight, disconnects sockets and exits 0 by itself', async () => {
    api = await spawnApi({ MONGODB_URI: inject('mongoUri'), MONGODB_DB: `shutdown_${process.pid}` });
    const { token } = await registerAt(api.baseUrl, { username: 'shutdown_user', password: 'long-enough-pw' });

    const socket = io(api.baseUrl, { auth: { token }, transports: ['websocket'], reconnection: false });
    await new Promise((resolve) => socket.once('connect', () => resolve(undefined)));
    const socketClosed = new Promise((resolve) => socket.once('disconnect', resolve));

    // A request whose body is still arriving when SIGTERM lands.
    const body = JSON.stringify({ name: 'Written during shutdown', url: 'https://late.test' });
    const request = http.request(`${api.baseUrl}/api/links`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        authorization: `Bearer ${token}`,
      },
    });
    const response = new Promise<http.IncomingMessage>((resolve) => request.once('response', resolve));
    request.write(body.slice(0, 10));
    // The child process shows nothing when it has parsed the headers of a request still being sent,
    // so this one wait is a pause; the next waits for the shutdown the API logs.
    await new Promise((r) => setTimeout(r, 150));

    const running = api;
    running.child.kill('SIGTERM');
    await expect.poll(() => running.logs.some((line) => line.includes('"msg":"shutting down"'))).toBe(true);
    request.end(body.slice(10));

    expect((await response).statusCode).toBe(201);
    await socketClosed;
    expect(await api.exited, api.logs.join('\n')).toBe(0);
  }, 30_000);
});

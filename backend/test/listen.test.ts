import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from './harness.ts';
import type { TestApp } from './harness.ts';

/** Resolves with the error code of a TCP connection attempt, or 'connected'. */
const tryConnect = (host: string, port: number) =>
  new Promise<string>((resolve) => {
    const socket = connect(port, host);
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });

// HOST left unset (an empty variable is unset): the server takes the default.
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ HOST: '' });
});
afterAll(() => app.close());

describe('listening address', () => {
  it('is loopback 127.0.0.1 only by default: another local address of the machine gets no answer', async () => {
    expect(await tryConnect('127.0.0.1', app.server.port)).toBe('connected');
    // 127.0.0.2 is this machine too; a server on 0.0.0.0 would accept it, as it would a LAN address.
    expect(await tryConnect('127.0.0.2', app.server.port)).toBe('ECONNREFUSED');
  });
});

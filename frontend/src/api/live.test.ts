import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { connectionStore } from './connection-status.ts';
import { createDispatcher } from './event-appliers.ts';

/** A stand-in for socket.io's client socket: tests fire its events by hand. */
class FakeSocket {
  active = true;
  handlers = new Map<string, ((...args: unknown[]) => void)[]>();
  on(event: string, handler: (...args: unknown[]) => void) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    return this;
  }
  fire(event: string, ...args: unknown[]) {
    for (const handler of this.handlers.get(event) ?? []) handler(...args);
  }
  connect = vi.fn();
  disconnect = vi.fn();
  connected = false;
  /** Answers every timed emit with the ack given to `answer`, and keeps what was sent. */
  answer: unknown = undefined;
  sent: [string, unknown][] = [];
  timeout = () => ({
    emit: (event: string, payload: unknown, ack: (error: unknown, result: unknown) => void) => {
      this.sent.push([event, payload]);
      ack(null, this.answer);
    },
  });
}

const sockets: FakeSocket[] = [];
vi.mock('socket.io-client', () => ({
  io: () => {
    const socket = new FakeSocket();
    sockets.push(socket);
    return socket;
  },
}));
const refreshSession = vi.fn();
const sessionListeners = new Set<(session: { accessToken: string } | null) => void>();
vi.mock('./session-token.ts', () => ({
  currentAccessToken: () => 'token',
  refreshSession: () => refreshSession(),
  onSessionChange: (listener: (session: { accessToken: string } | null) => void) => {
    sessionListeners.add(listener);
    return () => sessionListeners.delete(listener);
  },
}));
const newSession = (session: { accessToken: string } | null) => sessionListeners.forEach((listener) => listener(session));

const { connectLive, emitLive } = await import('./live.ts');

beforeEach(() => {
  vi.useFakeTimers();
  sockets.length = 0;
});
afterEach(() => {
  vi.useRealTimers();
  refreshSession.mockReset();
});

function start() {
  const applied = vi.fn();
  const resync = vi.fn();
  const dispatcher = createDispatcher([{ 'link.deleted': (_, data) => applied(data) }], new QueryClient());
  const stop = connectLive({ dispatcher, resync });
  return { socket: sockets[0]!, applied, resync, stop };
}

describe('connectLive', () => {
  it('routes the socket’s domain events to the appliers', () => {
    const { socket, applied } = start();
    socket.fire('link.deleted', { id: 'f'.repeat(24) });
    expect(applied).toHaveBeenCalledWith({ id: 'f'.repeat(24) });
  });

  it('refetches on every connection, the first included, and tracks the status', () => {
    const { socket, resync } = start();
    socket.fire('connect');
    expect(connectionStore.get()).toBe('online');
    socket.fire('disconnect');
    expect(connectionStore.get()).toBe('offline');
    socket.fire('connect');
    expect(resync).toHaveBeenCalledTimes(2);
  });

  it('leaves transport errors to socket.io’s own backoff', () => {
    const { socket } = start();
    socket.fire('connect_error', new Error('xhr poll error'));
    vi.runAllTimers();
    expect(refreshSession).not.toHaveBeenCalled();
  });

  it('after a refused handshake, refreshes the token and reconnects, backing off each time', async () => {
    const { socket } = start();
    socket.active = false; // socket.io gives up after a middleware refusal
    refreshSession.mockResolvedValue({ accessToken: 'new' });
    socket.fire('connect_error', new Error('unauthorized'));
    await vi.advanceTimersByTimeAsync(999);
    expect(refreshSession).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(socket.connect).toHaveBeenCalledOnce();

    socket.fire('connect_error', new Error('unauthorized'));
    await vi.advanceTimersByTimeAsync(1999);
    expect(socket.connect).toHaveBeenCalledOnce();
    await vi.advanceTimersByTimeAsync(1);
    expect(socket.connect).toHaveBeenCalledTimes(2);
  });

  it('refreshes when the server says the token expires soon, and hands each new token to the open socket', async () => {
    const { socket, stop } = start();
    socket.connected = true;
    refreshSession.mockResolvedValue({ accessToken: 'new' });
    socket.fire('session:expiring', { expiresAt: new Date().toISOString() });
    expect(refreshSession).toHaveBeenCalledOnce();
    newSession({ accessToken: 'new' }); // what a refresh announces, whoever asked for it
    newSession(null);
    expect(socket.sent).toEqual([['session:refresh', { token: 'new' }]]);
    expect(socket.disconnect).not.toHaveBeenCalled();
    stop();
    newSession({ accessToken: 'newer' });
    expect(socket.sent).toHaveLength(1);
  });

  it('reconnects when the server ends the socket, not when this tab does', () => {
    const { socket } = start();
    socket.fire('disconnect', 'io client disconnect');
    expect(socket.connect).not.toHaveBeenCalled();
    socket.fire('disconnect', 'io server disconnect');
    expect(socket.connect).toHaveBeenCalledOnce();
  });

  it('stops trying when the session is gone, and disconnects on stop', async () => {
    const { socket, stop } = start();
    socket.active = false;
    refreshSession.mockResolvedValue(null);
    socket.fire('connect_error', new Error('unauthorized'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(socket.connect).not.toHaveBeenCalled();
    stop();
    expect(socket.disconnect).toHaveBeenCalledOnce();
  });
});

describe('emitLive', () => {
  it('resolves with the server’s ack when connected, and with an offline error ack otherwise', async () => {
    const { socket, stop } = start();
    expect(await emitLive('typing:start', { roomId: 'r' })).toEqual({ ok: false, error: { status: 0, title: 'offline' } });
    socket.connected = true;
    socket.answer = { ok: true };
    expect(await emitLive('typing:start', { roomId: 'r' })).toEqual({ ok: true });
    stop();
    expect((await emitLive('typing:stop', { roomId: 'r' })).ok).toBe(false);
  });
});

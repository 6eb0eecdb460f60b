import 'fake-indexeddb/auto';
import { QueryObserver } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { aProject } from '../test-builders.ts';
import DataProvider from './data-provider.tsx';
import type { EventAppliers } from './event-appliers.ts';
import { queryClient } from './query-client.ts';
import { defineReplica } from './replica/declaration.ts';
import { replicaKey } from './replica/replica-cache.ts';
import { eraseReplica } from './replica/replica-persist.ts';

/** A stand-in for socket.io's client socket: the test connects and disconnects it by hand. */
class FakeSocket {
  active = true;
  connected = false;
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
}
const sockets: FakeSocket[] = [];
vi.mock('socket.io-client', () => ({
  io: () => {
    const socket = new FakeSocket();
    sockets.push(socket);
    return socket;
  },
}));

/** Every API request the data layer sends, as `<path>?<query>`; sync answers carry version `v1`. */
let requests: string[] = [];
beforeEach(async () => {
  await eraseReplica();
  sockets.length = 0;
  requests = [];
  vi.stubGlobal('fetch', async (url: string) => {
    const { pathname, search } = new URL(url, 'http://127.0.0.1');
    requests.push(pathname + search);
    const items = pathname === '/api/sync/projects' ? [aProject()] : [];
    return Response.json(pathname.startsWith('/api/sync/') ? { version: 'v1', items, removed: [] } : { items: [] });
  });
});
afterEach(() => vi.unstubAllGlobals());

/** What the chat feature does when its appliers load: keeps a query of its own observed (its rooms). */
const roomsKey = ['rooms'];
const appliers = [
  (): Promise<EventAppliers> => {
    new QueryObserver(queryClient, {
      queryKey: roomsKey,
      queryFn: () => fetch('/api/rooms').then((response) => response.json()),
    }).subscribe(() => undefined);
    return Promise.resolve({});
  },
];
const replicas = [
  () =>
    Promise.resolve([
      defineReplica({ collection: 'projects', upserts: ['project.created'], removes: ['project.deleted'] }),
      defineReplica({ collection: 'tasks', upserts: ['task.created'], removes: ['task.deleted'] }),
    ]),
];

async function start() {
  const onResync = vi.fn();
  const view = render(
    <DataProvider userId={'a'.repeat(24)} appliers={appliers} replicas={replicas} onResync={onResync}>
      <p>shown</p>
    </DataProvider>,
  );
  await expect.poll(() => sockets.length, { timeout: 10_000 }).toBe(1); // the data layer's chunks load first
  // Started and held: the replica's first pulls wait for the socket, sending nothing yet.
  await expect.poll(() => queryClient.getQueryState(replicaKey('tasks'))?.fetchStatus).toBe('paused');
  return { socket: sockets[0]!, onResync, view };
}

const sorted = (list: string[]) => [...list].sort();
/** Every pull and query under way has answered. */
const settled = () => expect.poll(() => queryClient.isFetching()).toBe(0);

describe('DataProvider', () => {
  it('sends the first catch-up once per start, after the socket connects, and again on each reconnection', async () => {
    const { socket, onResync, view } = await start();
    expect(requests).toEqual([]);

    socket.fire('connect');
    await expect.poll(() => sorted(requests)).toEqual(['/api/rooms', '/api/sync/projects', '/api/sync/tasks']);
    await settled();
    expect(onResync).toHaveBeenCalledOnce(); // the preferences, read once the socket listens
    expect(requests).toHaveLength(3); // not twice: the connection joined the pulls held for it

    requests = [];
    socket.fire('disconnect', 'transport close');
    socket.fire('connect');
    await expect.poll(() => sorted(requests)).toEqual(['/api/rooms', '/api/sync/projects?since=v1', '/api/sync/tasks?since=v1']);
    expect(onResync).toHaveBeenCalledTimes(2);
    await settled();
    view.unmount();
  });

  it('does not hold the data longer than 5 s for a socket that neither connects nor fails', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let started: Awaited<ReturnType<typeof start>>;
    try {
      started = await start();
      vi.advanceTimersByTime(4999);
      expect(requests).toEqual([]);
      vi.advanceTimersByTime(1);
    } finally {
      vi.useRealTimers();
    }
    const { socket, onResync, view } = started;
    await expect.poll(() => sorted(requests)).toEqual(['/api/rooms', '/api/sync/projects', '/api/sync/tasks']);
    expect(onResync).toHaveBeenCalledOnce();
    await settled();
    requests = [];
    socket.fire('connect'); // late: what was read before it is caught up
    await expect.poll(() => sorted(requests)).toEqual(['/api/rooms', '/api/sync/projects?since=v1', '/api/sync/tasks?since=v1']);
    await settled();
    view.unmount();
  });

  it('asks a stand-in marked catchUp: false at once and never again (Accueil’s first paint from the server)', async () => {
    const { socket, view } = await start();
    const standIn = new QueryObserver(queryClient, {
      queryKey: ['stand-in'],
      queryFn: () => fetch('/api/dashboard').then((response) => response.json()),
      networkMode: 'always',
      meta: { catchUp: false },
    }).subscribe(() => undefined);
    await expect.poll(() => requests).toEqual(['/api/dashboard']);
    socket.fire('connect');
    await expect.poll(() => requests).toContain('/api/sync/tasks');
    await settled();
    socket.fire('disconnect', 'transport close');
    socket.fire('connect');
    await expect.poll(() => requests.filter((r) => r.startsWith('/api/sync/tasks'))).toHaveLength(2);
    await settled();
    expect(requests.filter((r) => r === '/api/dashboard')).toHaveLength(1);
    standIn();
    view.unmount();
  });

  it('shows the data without live updates when the first connection fails, and catches up once connected', async () => {
    const { socket, onResync, view } = await start();
    socket.fire('connect_error', new Error('xhr poll error'));
    await expect.poll(() => sorted(requests)).toEqual(['/api/rooms', '/api/sync/projects', '/api/sync/tasks']);
    expect(onResync).toHaveBeenCalledOnce();

    await settled();
    requests = [];
    socket.fire('connect');
    await expect.poll(() => sorted(requests)).toEqual(['/api/rooms', '/api/sync/projects?since=v1', '/api/sync/tasks?since=v1']);
    expect(onResync).toHaveBeenCalledTimes(2);
    await settled();
    view.unmount();
  });
});

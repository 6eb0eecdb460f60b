import 'fake-indexeddb/auto';
import type { Project, SyncCollection, Task } from '@panoramix/contracts';
import { QueryClient } from '@tanstack/react-query';
import { entries } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { aProject, aTask, edited } from '../../test-builders.ts';
import { createDispatcher } from '../event-appliers.ts';
import { setSession } from '../session-token.ts';
import { defineReplica } from './declaration.ts';
import type { ReplicaDeclaration } from './declaration.ts';
import { holdReplicaItem, putReplicaItem, replicaKey } from './replica-cache.ts';
import type { ReplicaData, SyncAnswer } from './replica-cache.ts';
import { eraseReplica, store } from './replica-persist.ts';
import { restore, startReplica } from './replica.ts';
import type { Replica } from './replica.ts';

const me = 'a'.repeat(24);
const declarations: ReplicaDeclaration[] = [
  defineReplica({ collection: 'projects', upserts: ['project.created', 'project.updated'], removes: ['project.deleted'] }),
  defineReplica({ collection: 'tasks', upserts: ['task.created', 'task.updated'], removes: ['task.deleted'] }),
];

type Answer = SyncAnswer<unknown> | { status: number } | Promise<never>;

/** The sync routes, answered by the test: each request is recorded as `<collection>?since=<version>`. */
function fakeServer(answer: (collection: SyncCollection, since: string | null) => Answer) {
  const requests: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    const { pathname, searchParams } = new URL(url, 'http://127.0.0.1');
    const collection = pathname.replace('/api/sync/', '') as SyncCollection;
    const since = searchParams.get('since');
    requests.push(since ? `${collection}?since=${since}` : collection);
    const result = await answer(collection, since);
    if ('status' in result) {
      return new Response(JSON.stringify({ type: 'sync-expired', title: 'Gone', status: result.status }), {
        status: result.status,
        headers: { 'content-type': 'application/problem+json' },
      });
    }
    return Response.json(result);
  });
  return requests;
}

const snapshot = (version: string, items: unknown[]): SyncAnswer<unknown> => ({ version, items, removed: [] });

let running: Replica[] = [];
async function start(queryClient = new QueryClient(), userId = me) {
  await restore(queryClient, userId);
  const replica = startReplica(queryClient, userId, declarations);
  running.push(replica);
  const dispatcher = createDispatcher(replica.appliers, queryClient);
  return { queryClient, replica, dispatcher };
}

const held = <T>(queryClient: QueryClient, collection: SyncCollection) =>
  queryClient.getQueryData<ReplicaData<T>>(replicaKey(collection))?.items;
const titles = (queryClient: QueryClient) =>
  held<Task>(queryClient, 'tasks')
    ?.map((task) => task.title)
    .sort();

beforeEach(async () => {
  await eraseReplica();
});
afterEach(() => {
  for (const replica of running) replica.stop();
  running = [];
  vi.unstubAllGlobals();
});

describe('the live local replica', () => {
  const project = aProject();
  const inProject = aTask({ title: 'in project', projectId: project.id });
  const unfiled = aTask({ title: 'unfiled' });

  it('takes one snapshot per collection, applies events, then asks only for what changed since its version', async () => {
    let round = 0;
    const requests = fakeServer((collection) =>
      collection === 'projects' ? snapshot(`p${round}`, [project]) : snapshot(`t${round}`, round === 0 ? [unfiled] : []),
    );
    const { queryClient, replica, dispatcher } = await start();
    await expect.poll(() => titles(queryClient)).toEqual(['unfiled']);
    expect(requests.sort()).toEqual(['projects', 'tasks']);

    const created = aTask({ title: 'created elsewhere' });
    dispatcher.dispatch('task.created', created);
    dispatcher.dispatch('task.updated', edited(unfiled, { title: 'renamed' }));
    expect(titles(queryClient)).toEqual(['created elsewhere', 'renamed']);
    dispatcher.dispatch('task.deleted', { id: created.id, projectId: null });
    expect(titles(queryClient)).toEqual(['renamed']);

    round = 1;
    replica.resync(); // the socket connected again
    await expect.poll(() => requests.length).toBe(4);
    expect(requests.slice(2).sort()).toEqual(['projects?since=p0', 'tasks?since=t0']);
    await expect.poll(() => queryClient.getQueryData<ReplicaData<Task>>(replicaKey('tasks'))?.version).toBe('t1');
    expect(titles(queryClient)).toEqual(['renamed']); // an empty change list keeps what is held
  });

  it('upserts the changes since its version (an overlap repeats some) and drops the removed ids', async () => {
    const gone = aTask({ title: 'gone' });
    let since: string | null = null;
    fakeServer((collection, asked) => {
      if (collection === 'projects') return snapshot('p1', []);
      since = asked;
      return asked
        ? { version: 't2', items: [edited(unfiled, { title: 'unfiled, edited' }), aTask({ title: 'new' })], removed: [gone.id] }
        : snapshot('t1', [unfiled, gone]);
    });
    const { queryClient, replica } = await start();
    await expect.poll(() => titles(queryClient)).toEqual(['gone', 'unfiled']);
    replica.resync();
    await expect.poll(() => titles(queryClient)).toEqual(['new', 'unfiled, edited']);
    expect(since).toBe('t1');
  });

  it("drops a project's content when the project goes (event or removed id), and keeps unfiled items", async () => {
    const other = aProject();
    const inOther = aTask({ title: 'in other', projectId: other.id });
    let round = 0;
    fakeServer((collection) => {
      if (collection === 'tasks') return snapshot('t1', [inProject, inOther, unfiled]);
      return round === 0 ? snapshot('p1', [project, other]) : { version: 'p2', items: [], removed: [other.id] };
    });
    const { queryClient, replica, dispatcher } = await start();
    await expect.poll(() => titles(queryClient)).toEqual(['in other', 'in project', 'unfiled']);

    dispatcher.dispatch('project.deleted', { id: project.id });
    expect(titles(queryClient)).toEqual(['in other', 'unfiled']);
    // A late event about a task of the project I left does not bring it back.
    dispatcher.dispatch('task.updated', edited(inProject, { title: 'late' }));
    expect(titles(queryClient)).toEqual(['in other', 'unfiled']);

    round = 1; // removed from the other project while offline
    replica.resync();
    await expect.poll(() => titles(queryClient)).toEqual(['unfiled']);
  });

  it('fetches the content of a project shared with me as soon as it appears', async () => {
    const shared = aProject({ userId: 'b'.repeat(24) });
    const theirs = aTask({ title: 'theirs', projectId: shared.id, userId: shared.userId });
    const requests = fakeServer((collection, since) => {
      if (collection === 'projects') return snapshot('p1', []);
      return since ? { version: 't2', items: [theirs], removed: [] } : snapshot('t1', [unfiled]);
    });
    const { queryClient, dispatcher } = await start();
    await expect.poll(() => titles(queryClient)).toEqual(['unfiled']);
    dispatcher.dispatch('project.updated', shared); // the owner added me
    await expect.poll(() => titles(queryClient)).toEqual(['theirs', 'unfiled']);
    expect(requests).toContain('tasks?since=t1');
  });

  it('takes a snapshot again when its version is older than the server keeps (410 sync-expired)', async () => {
    let snapshots = 0;
    const requests = fakeServer((collection, since) => {
      if (collection === 'projects') return snapshot('p1', []);
      if (since) return { status: 410 };
      snapshots += 1;
      return snapshots === 1 ? snapshot('t1', [unfiled]) : snapshot('t9', [aTask({ title: 'fresh' })]);
    });
    const { queryClient, replica } = await start();
    await expect.poll(() => titles(queryClient)).toEqual(['unfiled']);
    replica.resync();
    await expect.poll(() => titles(queryClient)).toEqual(['fresh']);
    expect(requests.filter((r) => r.startsWith('tasks'))).toEqual(['tasks', 'tasks?since=t1', 'tasks']);
  });

  it('keeps what an event brought while the snapshot was being read', async () => {
    let release: (answer: SyncAnswer<unknown>) => void = () => undefined;
    fakeServer((collection) =>
      collection === 'projects' ? snapshot('p1', []) : new Promise<never>((resolve) => (release = resolve as never)),
    );
    const { queryClient, dispatcher } = await start();
    queryClient.setQueryData(replicaKey('tasks'), { version: 't0', items: [] }); // restored from a previous visit
    await expect.poll(() => queryClient.getQueryState(replicaKey('projects'))?.status).toBe('success');
    const created = aTask({ title: 'created meanwhile' });
    dispatcher.dispatch('task.created', created);
    release(snapshot('t1', [unfiled]));
    await expect.poll(() => queryClient.getQueryData<ReplicaData<Task>>(replicaKey('tasks'))?.version).toBe('t1');
    expect(titles(queryClient)).toEqual(['created meanwhile', 'unfiled']);
  });

  it("keeps a local write's copy through a catch-up under way, then settles on the server's newest", async () => {
    let round = 0;
    fakeServer((collection) => {
      if (collection === 'projects') return snapshot('p1', [project]);
      return round === 0
        ? snapshot('t1', [unfiled])
        : { version: 't2', items: [edited(unfiled, { title: 'earlier write' })], removed: [] };
    });
    const { queryClient, replica } = await start();
    await expect.poll(() => titles(queryClient)).toEqual(['unfiled']);
    const release = holdReplicaItem(queryClient, 'tasks', unfiled.id);
    putReplicaItem(queryClient, 'tasks', { ...unfiled, title: 'typed now' }, 'incoming');
    round = 1;
    replica.resync();
    await expect.poll(() => queryClient.getQueryData<ReplicaData<Task>>(replicaKey('tasks'))?.version).toBe('t2');
    expect(titles(queryClient)).toEqual(['typed now']);
    release();
    expect(titles(queryClient)).toEqual(['earlier write']);
  });
});

describe('the replica in IndexedDB', () => {
  const project: Project = aProject();
  const task = aTask({ title: 'kept', projectId: project.id });

  async function visit(userId: string, answer: Parameters<typeof fakeServer>[0]) {
    fakeServer(answer);
    return start(new QueryClient(), userId);
  }

  it('paints a reload from IndexedDB before the server answers, then catches up from its version', async () => {
    const first = await visit(me, (c) => (c === 'projects' ? snapshot('p1', [project]) : snapshot('t1', [task])));
    await expect.poll(() => titles(first.queryClient)).toEqual(['kept']);
    await expect.poll(async () => (await entries(store())).length).toBe(2);
    first.replica.stop();

    const pending = new Promise<never>(() => undefined);
    const requests = fakeServer(() => pending); // the network is slow: nothing answers
    const reloaded = new QueryClient();
    await restore(reloaded, me);
    expect(titles(reloaded)).toEqual(['kept']);
    running.push(startReplica(reloaded, me, declarations));
    await expect.poll(() => requests.sort()).toEqual(['projects?since=p1', 'tasks?since=t1']);
    expect(titles(reloaded)).toEqual(['kept']);
  });

  it('never shows the previous user their data: another user starts empty, and signing out erases it', async () => {
    const first = await visit(me, (c) => (c === 'projects' ? snapshot('p1', [project]) : snapshot('t1', [task])));
    await expect.poll(async () => (await entries(store())).length).toBe(2);
    first.replica.stop();

    const someoneElse = new QueryClient();
    const requests = fakeServer(() => new Promise<never>(() => undefined));
    await restore(someoneElse, 'b'.repeat(24));
    expect(titles(someoneElse)).toBeUndefined();
    expect(await entries(store())).toEqual([]);
    running.push(startReplica(someoneElse, 'b'.repeat(24), declarations));
    await expect.poll(() => requests.sort()).toEqual(['projects', 'tasks']); // snapshots, not my versions

    const again = await visit(me, (c) => (c === 'projects' ? snapshot('p1', [project]) : snapshot('t1', [task])));
    await expect.poll(async () => (await entries(store())).length).toBe(2);
    setSession(null); // signed out
    await expect.poll(async () => (await entries(store())).length).toBe(0);
    // A write gathered before the sign-out does not land after it.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    again.dispatcher.dispatch('task.updated', edited(task, { title: 'after sign-out' }));
    vi.runAllTimers();
    vi.useRealTimers();
    expect(await entries(store())).toEqual([]);
  });
});

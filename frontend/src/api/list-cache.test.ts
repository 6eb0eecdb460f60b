import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { edited, entityBase } from '../test-builders.ts';
import { dropItem, putItem } from './list-cache.ts';
import type { Page } from './list-cache.ts';
import { itemsOf } from './paged-list.ts';
import type { PagedData } from './paged-list.ts';

/** A listed item as the contracts shape them: an id, an order, and `updatedAt` for its version. */
interface Task {
  id: string;
  title: string;
  status: 'todo' | 'done';
  projectId: string | null;
  rank: number;
  createdAt: string;
  updatedAt: string;
}
function aTask(overrides: Partial<Task> = {}): Task {
  const { n, id, createdAt, updatedAt } = entityBase();
  return { id, createdAt, updatedAt, title: `task ${n}`, status: 'todo', projectId: null, rank: n, ...overrides };
}
const byRank = (a: Task, b: Task) => a.rank - b.rank;

const key = ['things', 'list'];
const open = ['things', 'list', 'open'];
const isOpen = (task: Task) => (k: readonly unknown[]) => k[2] !== 'open' || task.status !== 'done';
const put = (queryClient: QueryClient, task: Task, ties?: 'incoming') =>
  putItem(queryClient, key, task, { order: byRank, belongs: isOpen(task), ...(ties ? { ties } : {}) });

function setup(items: Task[]) {
  const queryClient = new QueryClient();
  queryClient.setQueryData<Page<Task>>(key, { items, nextCursor: null });
  queryClient.setQueryData<Page<Task>>(open, { items, nextCursor: null });
  const shown = (k = key) => queryClient.getQueryData<Page<Task>>(k)?.items;
  return { queryClient, shown };
}

describe('the list cache cannot go back in time', () => {
  it('an older event arriving after a newer mutation result changes nothing', () => {
    const task = aTask({ title: 'v0' });
    const { queryClient, shown } = setup([task]);
    const event = edited(task, { title: 'v1 (its event is late)' });
    const answer = edited(event, { title: 'v2 (my edit)' });
    put(queryClient, answer);
    put(queryClient, event);
    expect(shown()?.map((t) => t.title)).toEqual(['v2 (my edit)']);
  });

  it('an older version does not take the item out of a filtered list either', () => {
    const task = aTask();
    const { queryClient, shown } = setup([task]);
    const done = edited(task, { status: 'done' });
    const reopened = edited(done, { status: 'todo' });
    put(queryClient, reopened);
    put(queryClient, done);
    expect(shown(open)).toEqual([reopened]);
  });

  it('a newer event replaces, in its new place', () => {
    const [a, b] = [aTask({ rank: 1 }), aTask({ rank: 2 })];
    const { queryClient, shown } = setup([a, b]);
    const moved = edited(a, { rank: 3 });
    put(queryClient, moved);
    expect(shown()).toEqual([b, moved]);
  });

  it('a late updated after a deleted does not bring the item back', () => {
    const task = aTask();
    const { queryClient, shown } = setup([task]);
    const lastEdit = edited(task, { title: 'edited just before the deletion' });
    put(queryClient, lastEdit); // its event came first: the socket keeps one user's events in order
    dropItem(queryClient, key, task.id, { deleted: true });
    put(queryClient, lastEdit); // the answer to that edit, late
    put(queryClient, task); // an older event, later still
    expect(shown()).toEqual([]);
    expect(shown(open)).toEqual([]);
  });

  it('a version written after the deletion shows (the item moved back into a project I see)', () => {
    const task = aTask();
    const { queryClient, shown } = setup([task]);
    dropItem(queryClient, key, task.id, { deleted: true });
    const back = edited(task, { projectId: 'c'.repeat(24) });
    put(queryClient, back);
    expect(shown()).toEqual([back]);
  });

  it('an optimistic removal is no deletion: its rollback puts the item back', () => {
    const task = aTask();
    const { queryClient, shown } = setup([task]);
    dropItem(queryClient, key, task.id, { deleted: false });
    put(queryClient, task, 'incoming');
    expect(shown()).toEqual([task]);
  });

  it('a confirmed removal covers the version it took off screen, even if no list holds it any more', () => {
    const task = aTask();
    const { queryClient, shown } = setup([task]);
    dropItem(queryClient, key, task.id, { deleted: false });
    dropItem(queryClient, key, task.id, { deleted: true, seen: task });
    put(queryClient, task);
    expect(shown()).toEqual([]);
  });

  it('an optimistic edit shows at once, and its rollback never hides a newer version', () => {
    const task = aTask({ title: 'shown' });
    const { queryClient, shown } = setup([task]);
    put(queryClient, { ...task, title: 'typed' }, 'incoming');
    expect(shown()?.[0]?.title).toBe('typed');
    const other = edited(task, { title: 'another device' });
    put(queryClient, other);
    put(queryClient, task, 'incoming'); // my request failed: roll back
    expect(shown()).toEqual([other]);
  });
});

describe('lists read page by page', () => {
  it('are edited as one list, each page keeping its size and cursor', () => {
    const [a, b, c] = [aTask({ rank: 1 }), aTask({ rank: 2 }), aTask({ rank: 4 })];
    const queryClient = new QueryClient();
    queryClient.setQueryData<PagedData<Task>>(key, {
      pages: [
        { items: [a, b], nextCursor: 'b' },
        { items: [c], nextCursor: 'c' },
      ],
      pageParams: [null, 'b'],
    });
    const added = aTask({ rank: 3 });
    put(queryClient, added);
    const data = queryClient.getQueryData<PagedData<Task>>(key);
    expect(itemsOf(data)).toEqual([a, b, added, c]);
    expect(data?.pages.map((page) => [page.items.length, page.nextCursor])).toEqual([
      [2, 'b'],
      [2, 'c'],
    ]);
  });
});

describe('a change arriving while the list is being fetched', () => {
  it('is not lost when the fetch, read before it, lands', async () => {
    const queryClient = new QueryClient();
    const created = aTask({ title: 'arrived meanwhile' });
    let release: (page: Page<Task>) => void = () => undefined;
    const answers = [
      new Promise<Page<Task>>((resolve) => (release = resolve)), // read before the event
      Promise.resolve({ items: [created], nextCursor: null }), // read after it
    ];
    const queryFn = vi.fn(() => answers.shift()!);
    const observer = new QueryObserver(queryClient, { queryKey: key, queryFn });
    const stop = observer.subscribe(() => undefined); // on screen
    await vi.waitFor(() => expect(queryFn).toHaveBeenCalledTimes(1));

    queryClient.setQueryData<Page<Task>>(key, { items: [], nextCursor: null }); // what was shown
    put(queryClient, created);
    release({ items: [], nextCursor: null });

    await vi.waitFor(() => expect(queryClient.getQueryData<Page<Task>>(key)?.items).toEqual([created]));
    expect(queryFn).toHaveBeenCalledTimes(2);
    stop();
  });
});

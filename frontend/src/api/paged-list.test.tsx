import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { Page } from './list-cache.ts';
import { itemsOf, usePagedList } from './paged-list.ts';

interface Item {
  id: string;
}

/**
 * A list route over `total` items, `size` per page, its cursor being the next offset. While
 * `hold()` is on, answers wait for `release()`: a test can start a refetch or "Charger plus" and
 * act while it is in flight.
 */
function fakeRoute(total: number, size: number) {
  const all = Array.from({ length: total }, (_, i) => ({ id: `i${i}` }));
  const calls: (string | undefined)[] = [];
  let gate: Promise<void> | undefined;
  let open = () => {};
  const fetchPage = async (cursor: string | undefined): Promise<Page<Item>> => {
    calls.push(cursor);
    await gate;
    const start = Number(cursor ?? 0);
    const end = start + size;
    return { items: all.slice(start, end), nextCursor: end < total ? String(end) : null };
  };
  const hold = () => {
    gate = new Promise((resolve) => (open = resolve));
  };
  const release = () => {
    gate = undefined;
    open();
  };
  return { calls, fetchPage, hold, release };
}

function render(route: ReturnType<typeof fakeRoute>) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  const { result } = renderHook(() => usePagedList(['items'], route.fetchPage), { wrapper });
  const ids = () => result.current.items?.map((item) => item.id);
  const refetch = () => void queryClient.invalidateQueries({ queryKey: ['items'] });
  return { result, ids, refetch };
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `i${from + i}`);

describe('itemsOf', () => {
  it('keeps an item a live event already put in once, in its place', () => {
    const data = {
      pages: [
        { items: [{ id: 'a' }, { id: 'live' }], nextCursor: '2' },
        { items: [{ id: 'b' }, { id: 'live' }, { id: 'c' }], nextCursor: null },
      ],
      pageParams: [null, '2'],
    };
    expect(itemsOf(data)?.map((item) => item.id)).toEqual(['a', 'live', 'b', 'c']);
  });
});

describe('usePagedList', () => {
  it('reads one page when nothing was shown yet', async () => {
    const route = fakeRoute(10, 3);
    const { ids } = render(route);
    await waitFor(() => expect(ids()).toEqual(['i0', 'i1', 'i2']));
    expect(route.calls).toEqual([undefined]);
  });

  it('loads the next page on demand, says when the list ends, and a refetch keeps what was loaded', async () => {
    const route = fakeRoute(5, 2);
    const { result, ids, refetch } = render(route);

    await waitFor(() => expect(ids()).toEqual(['i0', 'i1']));
    expect(result.current.more.available).toBe(true);
    act(() => result.current.more.load());
    await waitFor(() => expect(ids()).toEqual(['i0', 'i1', 'i2', 'i3']));

    act(refetch);
    // The first page, "more", then both pages again.
    await waitFor(() => expect(route.calls).toEqual([undefined, '2', undefined, '2']));
    await waitFor(() => expect(result.current.query.isFetching).toBe(false));
    expect(ids()).toEqual(['i0', 'i1', 'i2', 'i3']);

    act(() => result.current.more.load());
    await waitFor(() => expect(result.current.more.available).toBe(false));
    expect(result.current.items).toHaveLength(5);
  });

  it('a refetch reloads as many items as were shown, and stops at the end of the list', async () => {
    const route = fakeRoute(7, 3);
    const { result, ids, refetch } = render(route);
    await waitFor(() => expect(ids()).toEqual(range(0, 3)));
    act(() => result.current.more.load());
    await waitFor(() => expect(ids()).toEqual(range(0, 6)));

    act(refetch);
    await waitFor(() => expect(route.calls).toHaveLength(4));
    await waitFor(() => expect(result.current.query.isFetching).toBe(false));
    expect(ids()).toEqual(range(0, 6));

    act(() => result.current.more.load());
    await waitFor(() => expect(result.current.more.available).toBe(false));
    expect(ids()).toEqual(range(0, 7));
    act(refetch);
    await waitFor(() => expect(route.calls).toHaveLength(8));
    await waitFor(() => expect(result.current.query.isFetching).toBe(false));
    expect(route.calls.slice(5)).toEqual([undefined, '3', '6']);
    expect(ids()).toEqual(range(0, 7));
  });

  it('a refetch while Charger plus adds a page keeps that page (Charger plus during the refetch)', async () => {
    const route = fakeRoute(9, 3);
    const { result, ids, refetch } = render(route);
    await waitFor(() => expect(ids()).toEqual(range(0, 3)));

    route.hold();
    act(refetch);
    await waitFor(() => expect(route.calls).toEqual([undefined, undefined]));
    act(() => result.current.more.load());
    await waitFor(() => expect(result.current.more.loading).toBe(true));
    act(route.release);

    await waitFor(() => expect(result.current.more.loading).toBe(false));
    expect(ids()).toEqual(range(0, 6));
    // The refetch ran to its end, then the next page of the fresh list was read.
    expect(route.calls).toEqual([undefined, undefined, '3']);
  });

  it('a refetch while Charger plus adds a page keeps that page (refetch during Charger plus)', async () => {
    const route = fakeRoute(9, 3);
    const { result, ids, refetch } = render(route);
    await waitFor(() => expect(ids()).toEqual(range(0, 3)));

    route.hold();
    act(() => result.current.more.load());
    await waitFor(() => expect(route.calls).toEqual([undefined, '3']));
    act(refetch); // the resync on connect: it cancels the page in flight
    act(route.release);

    await waitFor(() => expect(result.current.more.loading).toBe(false));
    expect(ids()).toEqual(range(0, 6));
    expect(result.current.more.failed).toBe(false);
  });

  it('reports a page that failed, and loads it on retry', async () => {
    const route = fakeRoute(6, 3);
    let fail = false;
    const fetchPage = (cursor: string | undefined) => (fail ? Promise.reject(new Error('down')) : route.fetchPage(cursor));
    const { result, ids } = render({ ...route, fetchPage });
    await waitFor(() => expect(ids()).toEqual(range(0, 3)));

    fail = true;
    act(() => result.current.more.load());
    await waitFor(() => expect(result.current.more.failed).toBe(true));
    expect(ids()).toEqual(range(0, 3));
    fail = false;
    act(() => result.current.more.load());
    await waitFor(() => expect(ids()).toEqual(range(0, 6)));
    expect(result.current.more.failed).toBe(false);
  });
});

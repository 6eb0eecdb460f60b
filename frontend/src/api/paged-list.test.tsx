import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { Page } from './list-cache.ts';
import { appendPage, readPages, usePagedList } from './paged-list.ts';

interface Item {
  id: string;
}

/** A list route over `total` items, `size` per page, its cursor being the next offset. */
function fakeRoute(total: number, size: number) {
  const all = Array.from({ length: total }, (_, i) => ({ id: `i${i}` }));
  const calls: (string | undefined)[] = [];
  const fetchPage = (cursor: string | undefined): Promise<Page<Item>> => {
    calls.push(cursor);
    const start = Number(cursor ?? 0);
    const end = start + size;
    return Promise.resolve({ items: all.slice(start, end), nextCursor: end < total ? String(end) : null });
  };
  return { all, calls, fetchPage };
}

const ids = (page: Page<Item> | undefined) => page?.items.map((item) => item.id);

describe('appendPage', () => {
  it('keeps an item a live event already put in once, in its place', () => {
    const shown = { items: [{ id: 'a' }, { id: 'live' }], nextCursor: '2' };
    const next = { items: [{ id: 'b' }, { id: 'live' }, { id: 'c' }], nextCursor: null };
    expect(appendPage(shown, next)).toEqual({ items: [{ id: 'a' }, { id: 'live' }, { id: 'b' }, { id: 'c' }], nextCursor: null });
  });
});

describe('readPages', () => {
  it('reads one page when nothing was shown yet', async () => {
    const route = fakeRoute(10, 3);
    expect(ids(await readPages(route.fetchPage, () => 0))).toEqual(['i0', 'i1', 'i2']);
    expect(route.calls).toEqual([undefined]);
  });

  it('reads as many pages as the reader had loaded, and stops at the end of the list', async () => {
    const route = fakeRoute(7, 3);
    expect(ids(await readPages(route.fetchPage, () => 5))).toEqual(['i0', 'i1', 'i2', 'i3', 'i4', 'i5']);
    const all = await readPages(route.fetchPage, () => 50);
    expect(all.items).toHaveLength(7);
    expect(all.nextCursor).toBeNull();
  });

  it('reads on when more items are shown while it runs (a page loaded meanwhile)', async () => {
    const route = fakeRoute(9, 3);
    let shown = 3;
    const fetchPage = (cursor: string | undefined) => {
      if (cursor === undefined) shown = 6; // "Charger plus" lands while the refetch reads its first page
      return route.fetchPage(cursor);
    };
    expect(ids(await readPages(fetchPage, () => shown))).toEqual(['i0', 'i1', 'i2', 'i3', 'i4', 'i5']);
  });
});

describe('usePagedList', () => {
  it('loads the next page on demand, says when the list ends, and a refetch keeps what was loaded', async () => {
    const route = fakeRoute(5, 2);
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    );
    const { result } = renderHook(() => usePagedList(['items'], route.fetchPage), { wrapper });

    await waitFor(() => expect(ids(result.current.query.data)).toEqual(['i0', 'i1']));
    expect(result.current.more.available).toBe(true);
    act(() => result.current.more.load());
    await waitFor(() => expect(ids(result.current.query.data)).toEqual(['i0', 'i1', 'i2', 'i3']));

    await act(() => queryClient.invalidateQueries({ queryKey: ['items'] }));
    // The first page, "more", then both pages again.
    await waitFor(() => expect(route.calls).toEqual([undefined, '2', undefined, '2']));
    expect(ids(result.current.query.data)).toEqual(['i0', 'i1', 'i2', 'i3']);

    act(() => result.current.more.load());
    await waitFor(() => expect(result.current.more.available).toBe(false));
    expect(result.current.query.data?.items).toHaveLength(5);
  });
});

import type { InfiniteData, QueryKey } from '@tanstack/react-query';
import { hashKey, useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import type { Page } from './list-cache.ts';

/** One page of a list route, after `cursor` (the first page without one). */
export type FetchPage<T> = (cursor: string | undefined, signal?: AbortSignal) => Promise<Page<T>>;

/** A paged list in the query cache: TanStack Query's pages, each as the route answered it. */
export type PagedData<T> = InfiniteData<Page<T>, string | null>;

/**
 * The items of every page loaded, in order. An item may be in two pages — a live event put it in
 * the first before its own page was read — and keeps its first place: ids stay unique.
 */
export function itemsOf<T extends { id: string }>(data: InfiniteData<Page<T>, unknown> | undefined): T[] | undefined {
  if (!data) return undefined;
  const seen = new Set<string>();
  return data.pages.flatMap((page) => page.items).filter((item) => !seen.has(item.id) && Boolean(seen.add(item.id)));
}

/**
 * A list route read through its cursors with `useInfiniteQuery`: a refetch (reconnect,
 * invalidation) reads again as many pages as were loaded, so the list never shrinks under the
 * reader. "Charger plus" (`more.load`) does not race a refetch: started during one, it waits for it
 * and then reads the next page of the fresh list (fetchNextPage alone would cancel the refetch and
 * keep stale pages); cancelled by one (`invalidateQueries` cancels what is in flight), it asks again
 * once the refetch is done. The page goes to the list it was asked for: a filter changed meanwhile
 * stops it there.
 */
export function usePagedList<T extends { id: string }>(queryKey: QueryKey, fetchPage: FetchPage<T>) {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam, signal }) => fetchPage(pageParam ?? undefined, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
  // What "Charger plus" reads between its awaits: the list as last rendered, or the answer it just got.
  const key = hashKey(queryKey);
  const current = useRef({ key, query });
  useLayoutEffect(() => {
    current.current = { key, query };
  });

  const more = useMutation({
    mutationFn: async () => {
      const asked = current.current.key;
      const before = current.current.query.data?.pages.length ?? 0;
      for (;;) {
        const { key: shown, query: latest } = current.current;
        const loaded = latest.data?.pages.length ?? 0;
        if (shown !== asked || loaded > before || !latest.hasNextPage) return;
        // With cancelRefetch off, a fetch in flight (a refetch) is joined rather than cancelled.
        const result = await latest.fetchNextPage({ cancelRefetch: false });
        if (result.isError) throw result.error;
        current.current = { key: current.current.key, query: result };
      }
    },
  });

  const { mutate } = more;
  const load = useCallback(() => mutate(), [mutate]);
  const items = useMemo(() => itemsOf(query.data), [query.data]);
  return {
    query,
    items,
    more: {
      available: query.hasNextPage,
      load,
      loading: more.isPending,
      failed: more.isError,
    },
  };
}

export type PagedList<T extends { id: string }> = ReturnType<typeof usePagedList<T>>;
export type MoreState = PagedList<{ id: string }>['more'];

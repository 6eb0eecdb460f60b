import type { QueryKey } from '@tanstack/react-query';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from './list-cache.ts';

/** One page of a list route, after `cursor` (the first page without one). */
export type FetchPage<T> = (cursor: string | undefined, signal?: AbortSignal) => Promise<Page<T>>;

/**
 * The next page appended to what is shown. An item may already be there — a live event put it in
 * before its page was read — and keeps its place: ids stay unique.
 */
export function appendPage<T extends { id: string }>(shown: Page<T>, next: Page<T>): Page<T> {
  const known = new Set(shown.items.map((item) => item.id));
  return { items: [...shown.items, ...next.items.filter((item) => !known.has(item.id))], nextCursor: next.nextCursor };
}

/**
 * Reads pages until as many items as are shown are loaded, or the list ends: a refetch (reconnect,
 * invalidation) brings back as much as the reader had loaded, so the list never shrinks under
 * them. `shown` is asked again after each page: "Charger plus" may add one while this runs.
 */
export async function readPages<T extends { id: string }>(fetchPage: FetchPage<T>, shown: () => number, signal?: AbortSignal) {
  let page = await fetchPage(undefined, signal);
  while (page.nextCursor && page.items.length < shown()) page = appendPage(page, await fetchPage(page.nextCursor, signal));
  return page;
}

/**
 * A list route read through its cursors into one cached `Page`, so the cache helpers and live
 * event appliers that edit pages in place keep working; `loadMore` appends the next page.
 */
export function usePagedList<T extends { id: string }>(queryKey: QueryKey, fetchPage: FetchPage<T>) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey,
    queryFn: ({ signal }) => readPages(fetchPage, () => queryClient.getQueryData<Page<T>>(queryKey)?.items.length ?? 0, signal),
  });
  // The page goes to the list it was asked for, even if the filter changed while it loaded.
  const more = useMutation({
    mutationFn: async () => {
      const key = queryKey;
      const cursor = queryClient.getQueryData<Page<T>>(key)?.nextCursor;
      return { key, next: cursor ? await fetchPage(cursor) : null };
    },
    onSuccess: ({ key, next }) => {
      if (next) queryClient.setQueryData<Page<T>>(key, (shown) => (shown ? appendPage(shown, next) : next));
    },
  });
  return {
    query,
    more: {
      available: Boolean(query.data?.nextCursor),
      load: () => more.mutate(),
      loading: more.isPending,
      failed: more.isError,
    },
  };
}

export type PagedList<T extends { id: string }> = ReturnType<typeof usePagedList<T>>;
export type MoreState = PagedList<{ id: string }>['more'];

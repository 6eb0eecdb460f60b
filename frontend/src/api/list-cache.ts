import type { QueryClient, QueryKey } from '@tanstack/react-query';

/** A page of a list route, as the contracts' `page(item)` returns it. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

interface Identified {
  id: string;
}

/**
 * Edits every cached page under `prefix` in place — one per filter of the same list — so a live
 * event or our own mutation shows without a refetch. `edit` receives the page's query key to
 * decide, for filtered lists, whether the item belongs there.
 */
export function editPages<T>(queryClient: QueryClient, prefix: QueryKey, edit: (items: T[], key: QueryKey) => T[]): void {
  for (const [key, page] of queryClient.getQueriesData<Page<T>>({ queryKey: prefix })) {
    if (page) queryClient.setQueryData<Page<T>>(key, { ...page, items: edit(page.items, key) });
  }
}

/** The item added or replaced (the server's version wins), the list kept in its order. Idempotent. */
export const upsert = <T extends Identified>(items: readonly T[], item: T, order: (a: T, b: T) => number): T[] =>
  [...items.filter((i) => i.id !== item.id), item].sort(order);

export const without = <T extends Identified>(items: readonly T[], id: string): T[] => items.filter((i) => i.id !== id);

/** Manual order: lower rank first, then creation, so equal ranks stay stable. */
export const byRank = (a: { rank: number; createdAt: string }, b: { rank: number; createdAt: string }) =>
  a.rank - b.rank || a.createdAt.localeCompare(b.createdAt);

export const newestFirst =
  (field: 'createdAt' | 'updatedAt') => (a: Record<typeof field, string>, b: Record<typeof field, string>) =>
    b[field].localeCompare(a[field]);

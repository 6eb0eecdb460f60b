import type { InfiniteData, QueryClient, QueryKey } from '@tanstack/react-query';
import { graveyard, reconcile } from './reconcile.ts';
import type { Ties } from './reconcile.ts';

/** A page of a list route, as the contracts' `page(item)` returns it. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A list in the cache: one page (a bounded list), or the pages read so far (see paged-list.ts). */
type CachedList<T> = Page<T> | InfiniteData<Page<T>, unknown>;

interface Listed {
  id: string;
  updatedAt?: string;
}

const isPaged = <T>(list: CachedList<T>): list is InfiniteData<Page<T>, unknown> => 'pages' in list;

/**
 * The list edited as one: across pages, the edited items are dealt back into pages of the same
 * sizes (the last one takes what was added), so each page keeps its cursor and a refetch or the
 * next page reads on from where the server left off.
 */
function editList<T>(list: CachedList<T>, edit: (items: T[]) => T[]): CachedList<T> {
  if (!isPaged(list)) return { ...list, items: edit(list.items) };
  const edited = edit(itemsIn(list));
  let start = 0;
  const pages = list.pages.map((page, i) => {
    const end = i === list.pages.length - 1 ? edited.length : start + page.items.length;
    const items = edited.slice(start, end);
    start = end;
    return { ...page, items };
  });
  return { ...list, pages };
}

const itemsIn = <T>(list: CachedList<T>): T[] => (isPaged(list) ? list.pages.flatMap((page) => page.items) : list.items);

/**
 * Edits every cached list under `prefix` in place — one per filter of the same list — so a live
 * event or our own mutation shows without a refetch. `edit` receives the list's query key to
 * decide, for filtered lists, whether the item belongs there.
 */
export function editPages<T>(queryClient: QueryClient, prefix: QueryKey, edit: (items: T[], key: QueryKey) => T[]): void {
  for (const [key, list] of queryClient.getQueriesData<CachedList<T>>({ queryKey: prefix })) {
    if (list)
      queryClient.setQueryData<CachedList<T>>(
        key,
        editList(list, (items) => edit(items, key)),
      );
    // A fetch in flight (a resync after reconnecting, a first load) read the list before this change
    // and would overwrite it when it lands: it starts again, so the answer includes the change.
    if (queryClient.getQueryState(key)?.fetchStatus === 'fetching') {
      void queryClient.invalidateQueries({ queryKey: key, exact: true });
    }
  }
}

/** Deletions confirmed by the server. */
const graves = graveyard();

/** The newest version of an item in the lists under `prefix`. */
function newestIn<T extends Listed>(queryClient: QueryClient, prefix: QueryKey, id: string): T | undefined {
  let newest: T | undefined;
  for (const [, list] of queryClient.getQueriesData<CachedList<T>>({ queryKey: prefix })) {
    const found = list && itemsIn(list).find((item) => item.id === id);
    if (found) newest = reconcile(newest, found);
  }
  return newest;
}

interface PutOptions<T> {
  order: (a: T, b: T) => number;
  /** For filtered lists: whether the item belongs in the list of this key (else it leaves it). */
  belongs?: (key: QueryKey) => boolean;
  /** `incoming` for local writes (optimistic copies, rollbacks): see reconcile.ts. */
  ties?: Ties;
}

/**
 * A version of an item into every list under `prefix`, in order — unless the cache already holds a
 * newer one (see reconcile.ts) or the item was deleted since (a late event or answer must not bring
 * it back). Idempotent: our own mutation's answer and its event both arrive, in either order.
 */
export function putItem<T extends Listed>(queryClient: QueryClient, prefix: QueryKey, item: T, options: PutOptions<T>): void {
  const { order, belongs = () => true, ties = 'settle' } = options;
  if (graves.isBuried(queryClient, item.id, item)) return;
  const known = newestIn<T>(queryClient, prefix, item.id);
  if (known && reconcile(known, item, ties) !== item) return;
  editPages<T>(queryClient, prefix, (items, key) =>
    belongs(key) ? [...without(items, item.id), item].sort(order) : without(items, item.id),
  );
}

/**
 * An item out of every list under `prefix`. `deleted` when the server says it is gone (its event,
 * our delete's answer): a tombstone then keeps any version written before the deletion out.
 * Without it (an optimistic removal), a rollback can still put the item back.
 */
export function dropItem(
  queryClient: QueryClient,
  prefix: QueryKey,
  id: string,
  { deleted, seen }: { deleted: boolean; seen?: Listed },
): void {
  if (deleted) graves.bury(queryClient, id, newestIn<Listed>(queryClient, prefix, id), seen);
  editPages<Listed>(queryClient, prefix, (items) => without(items, id));
}

/** A version of a single item's own query (a detail view), if that query is cached. */
export function putDetail<T extends Listed>(queryClient: QueryClient, key: QueryKey, item: T): void {
  if (queryClient.getQueryData(key)) queryClient.setQueryData<T>(key, (cached) => reconcile(cached, item));
}

export const without = <T extends Listed>(items: readonly T[], id: string): T[] => items.filter((i) => i.id !== id);

type RankedRow = { rank: string; createdAt: string };

/**
 * Manual order: lower rank first, then creation, so equal ranks stay stable. Order keys compare
 * by code unit, as the server sorts them (not `localeCompare`, which would put `a` before `B`).
 */
export const byRank = (a: RankedRow, b: RankedRow) =>
  (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0) || a.createdAt.localeCompare(b.createdAt);

/** Newest first, then the larger id (the server's `_id` order), so equal times keep one order. */
export const newestFirst =
  (field: 'createdAt' | 'updatedAt') => (a: Record<typeof field | 'id', string>, b: Record<typeof field | 'id', string>) =>
    b[field].localeCompare(a[field]) || b.id.localeCompare(a.id);

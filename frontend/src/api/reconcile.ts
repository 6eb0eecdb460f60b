import type { QueryClient } from '@tanstack/react-query';

/** Every DTO the cache keeps a version of carries `updatedAt` (see packages/contracts); a few do not. */
interface Versioned {
  updatedAt?: string;
}

/**
 * Who wins when both versions were written in the same millisecond:
 * - `settle`, for versions from the server (mutation results, events, refetches): the contents
 *   decide, so every tab keeps the same one whatever order they arrive in;
 * - `incoming`, for local writes (an optimistic copy, its rollback): they are made from the
 *   version shown, so they carry its `updatedAt` and must replace it — but never a newer one.
 */
export type Ties = 'settle' | 'incoming';

const time = (at: string) => Date.parse(at);

/**
 * The version of an item the cache keeps when another one arrives: the later `updatedAt` wins, so
 * a late event or answer never takes the cache back in time. Without `updatedAt` on either side,
 * the incoming version wins, as it always did. Returns `cached` itself when it stays (no re-render).
 * The idea of excalidraw's data/reconcile.ts (version, then a deterministic tie-break); our
 * version is the server's write time, as the contracts have no version counter.
 */
export function reconcile<T extends Versioned>(cached: T | undefined, incoming: T, ties: Ties = 'settle'): T {
  if (cached === undefined || cached.updatedAt === undefined || incoming.updatedAt === undefined) return incoming;
  const newer = time(incoming.updatedAt) - time(cached.updatedAt);
  if (newer !== 0) return newer > 0 ? incoming : cached;
  if (ties === 'incoming') return incoming;
  return JSON.stringify(incoming) > JSON.stringify(cached) ? incoming : cached;
}

/** What a deletion leaves behind: the newest version known then; no version written before it may come back. */
export interface Tombstone {
  updatedAt: string;
}

/**
 * Whether a version is one the deletion already covered. Events of one user arrive in order on
 * the socket, so every write before the deletion has been seen (and is at most the tombstone's
 * version); a strictly newer version is a write after it — the item moved back into a project
 * this user sees — and shows.
 */
export const buriedBy = (tombstone: Tombstone | undefined, incoming: Versioned): boolean =>
  tombstone !== undefined && incoming.updatedAt !== undefined && time(incoming.updatedAt) <= time(tombstone.updatedAt);

/**
 * The tombstones of one cache's deletions, per query client (a sign-out clears the cache, a new one
 * starts empty): `bury` when the server says an item is gone, `isBuried` before putting a version.
 */
export function graveyard() {
  const graves = new WeakMap<QueryClient, Map<string, Tombstone>>();
  return {
    isBuried: (queryClient: QueryClient, key: string, incoming: Versioned) =>
      buriedBy(graves.get(queryClient)?.get(key), incoming),
    /** `shown`: the newest version held; `seen`: one the cache may not hold (taken off by an optimistic removal). */
    bury(queryClient: QueryClient, key: string, shown: Versioned | undefined, seen?: Versioned) {
      const known = seen ? reconcile(shown, seen) : shown;
      const tombstones = graves.get(queryClient) ?? new Map<string, Tombstone>();
      graves.set(queryClient, tombstones);
      // Never held here: nothing known to compare with, so the deletion's own time stands in.
      tombstones.set(key, { updatedAt: known?.updatedAt ?? new Date().toISOString() });
    },
  };
}

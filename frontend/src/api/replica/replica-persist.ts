import type { SyncCollection } from '@panoramix/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { clear, createStore, entries, setMany } from 'idb-keyval';
import { replicaKey, replicaRoot } from './replica-cache.ts';
import type { ReplicaData } from './replica-cache.ts';

/** One IndexedDB record per collection: whose it is, and the collection as the cache held it. */
interface Saved {
  userId: string;
  data: ReplicaData<unknown>;
}

/** Writes are gathered: a burst of events (a bulk completion) costs one write of each collection touched. */
const WRITE_DELAY_MS = 300;

let opened: ReturnType<typeof createStore> | undefined;
/** The IndexedDB store of the replica (one per browser profile and origin). */
export const store = () => (opened ??= createStore('panoramix-replica', 'collections'));

/**
 * The user's replicated collections back into the query cache, before anything is fetched: a
 * reload paints from them at once, then catches up from their versions. Records of another user
 * (who signed out without this tab seeing it, or whose clearing failed) are erased, never shown.
 */
export async function restoreReplica(queryClient: QueryClient, userId: string): Promise<void> {
  const saved = (await entries<SyncCollection, Saved>(store())) as [SyncCollection, Saved][];
  if (saved.some(([, record]) => record.userId !== userId)) {
    await clear(store());
    return;
  }
  for (const [collection, { data }] of saved) {
    if (!queryClient.getQueryData(replicaKey(collection))) queryClient.setQueryData(replicaKey(collection), data);
  }
}

/**
 * Keeps IndexedDB in step with the replicated collections of the cache, for this user, until the
 * returned stop is called (which drops the writes not yet made: after a sign-out, none may land).
 */
export function persistReplica(queryClient: QueryClient, userId: string): () => void {
  const dirty = new Set<SyncCollection>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const write = () => {
    timer = undefined;
    const records = [...dirty].flatMap((collection): [SyncCollection, Saved][] => {
      const data = queryClient.getQueryData<ReplicaData<unknown>>(replicaKey(collection));
      return data ? [[collection, { userId, data }]] : [];
    });
    dirty.clear();
    if (!stopped && records.length > 0) void setMany(records, store()).catch(() => undefined);
  };

  const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
    const [root, collection] = event.query.queryKey as readonly unknown[];
    if (root !== replicaRoot[0] || event.type !== 'updated' || event.action.type !== 'success') return;
    dirty.add(collection as SyncCollection);
    timer ??= setTimeout(write, WRITE_DELAY_MS);
  });

  return () => {
    stopped = true;
    clearTimeout(timer);
    unsubscribe();
  };
}

/** Signing out leaves nothing of the user's data in this browser. */
export const eraseReplica = () => clear(store());

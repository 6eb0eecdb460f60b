import type { SyncCollection, SyncedItem } from '@panoramix/contracts';
import { queryOptions } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { routes } from 'virtual:panoramix/contracts';
import { call } from '../client.ts';
import { ApiError } from '../problem.ts';
import { dropContentOutOfSight, mergeAnswer, noteArrivals, replicaKey } from './replica-cache.ts';
import type { ReplicaData, SyncAnswer } from './replica-cache.ts';

/** Collections whose next pull must be a whole snapshot (their history does not cover what changed: a project joined). */
const wantsSnapshot = new WeakMap<QueryClient, Set<SyncCollection>>();

export function requireSnapshot(queryClient: QueryClient, collection: SyncCollection): void {
  const pending = wantsSnapshot.get(queryClient) ?? new Set<SyncCollection>();
  wantsSnapshot.set(queryClient, pending);
  pending.add(collection);
}

function fetchChanges<C extends SyncCollection>(collection: C, since: string | undefined, signal: AbortSignal) {
  // Every sync route has the same shape; the table is indexed by a union, which `call` cannot type.
  const route = routes.sync[collection] as typeof routes.sync.tasks;
  return call(route, { query: since ? { since } : {}, signal }) as Promise<unknown> as Promise<SyncAnswer<SyncedItem<C>>>;
}

/**
 * One pull of a collection: the snapshot when the replica holds none, else what changed since its
 * version; a version too old for the server's tombstones (410 `sync-expired`) takes a snapshot again.
 */
async function pull<C extends SyncCollection>(
  queryClient: QueryClient,
  collection: C,
  signal: AbortSignal,
): Promise<ReplicaData<SyncedItem<C>>> {
  const snapshotWanted = wantsSnapshot.get(queryClient)?.delete(collection) ?? false;
  let since = snapshotWanted ? undefined : queryClient.getQueryData<ReplicaData<unknown>>(replicaKey(collection))?.version;
  const arrivals = noteArrivals(queryClient, collection);
  let answer: SyncAnswer<SyncedItem<C>>;
  try {
    answer = await fetchChanges(collection, since, signal).catch((error: unknown) => {
      if (!(since && error instanceof ApiError && error.status === 410)) throw error;
      since = undefined;
      return fetchChanges(collection, since, signal);
    });
  } finally {
    arrivals.stop();
  }
  const next = mergeAnswer(queryClient, collection, answer, { snapshot: since === undefined, arrived: arrivals.ids });
  if (collection === 'projects') {
    // The content of projects gone from the answer leaves with them, now rather than when this pull settles.
    queryClient.setQueryData(replicaKey(collection), next);
    dropContentOutOfSight(queryClient);
  }
  return next;
}

/**
 * The query of one replicated collection: never stale by time (events keep it current), never
 * collected (a tab not shown keeps its data), refreshed by `syncCollection` on each connection.
 */
export const replicaQuery = <C extends SyncCollection>(collection: C) =>
  queryOptions({
    queryKey: replicaKey(collection),
    queryFn: ({ client, signal }) => pull(client, collection, signal),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });

/** Brings a collection up to date: its first snapshot, or what changed since its version; a pull under way is joined. */
export function syncCollection(queryClient: QueryClient, collection: SyncCollection): Promise<unknown> {
  // A failure shows in the query's state (useReplicaStatus); the next connection pulls again.
  return queryClient.fetchQuery({ ...replicaQuery(collection), staleTime: 0 }).catch(() => undefined);
}

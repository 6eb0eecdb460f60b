import type { SyncCollection, SyncedItem } from '@panoramix/contracts';
import { queryOptions } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { routes } from 'virtual:panoramix/contracts';
import { call } from '../client.ts';
import { ApiError } from '../problem.ts';
import { firstPaintSettled } from './first-paint.ts';
import { dropContentOutOfSight, mergeAnswer, noteArrivals, replicaKey } from './replica-cache.ts';
import type { ReplicaData, SyncAnswer } from './replica-cache.ts';

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
  let since = queryClient.getQueryData<ReplicaData<unknown>>(replicaKey(collection))?.version;
  if (since === undefined) await firstPaintSettled();
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

/**
 * Brings a collection up to date: its first snapshot, or what changed since its version. A pull
 * under way is joined, unless `fresh`: what happened just now (a project shared with me) must be in
 * the answer, and the pull under way may have been read before it, so another one follows.
 */
export function syncCollection(queryClient: QueryClient, collection: SyncCollection, { fresh = false } = {}): Promise<unknown> {
  const pull = () => queryClient.fetchQuery({ ...replicaQuery(collection), staleTime: 0 });
  const underWay = queryClient.getQueryState(replicaKey(collection))?.fetchStatus === 'fetching';
  // A failure shows in the query's state (each reader's isError); the next connection pulls again.
  return (
    fresh && underWay
      ? pull()
          .catch(() => undefined)
          .then(pull)
      : pull()
  ).catch(() => undefined);
}

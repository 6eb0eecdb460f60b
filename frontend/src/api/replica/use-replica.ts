import type { SyncCollection, SyncedItem } from '@panoramix/contracts';
import { useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ReplicaData } from './replica-cache.ts';
import { replicaQuery } from './replica-sync.ts';

/**
 * How a feature reads the live local replica (see replica.ts for what it is and why this library).
 *
 * 1. Declare the collection in the feature's registry entry, behind a loader:
 *    `replica: () => import('./x-replica.ts').then((m) => [m.xReplica])`, with
 *    `export const xReplica = defineReplica({ collection: 'links', upserts: ['link.created', 'link.updated'], removes: ['link.deleted'] })`.
 *    Its events then keep the collection current: no `events` applier of its own is needed for it.
 * 2. Read: `const links = useReplica('links', selectLinks)` — a TanStack Query result whose `data`
 *    is what `select` makes of every item (filter, sort, group, count), computed locally: switching
 *    a filter sends nothing. Keep `select` stable (module level, or `useCallback` on its inputs):
 *    a new function runs again on each render.
 * 3. Write through the API as before, and show the result at once with `putReplicaItem(queryClient,
 *    'links', link)` / `dropReplicaItem(queryClient, 'links', id)` from replica-cache.ts (optimistic
 *    copies with `ties: 'incoming'`, `{ deleted: false }` for a removal that may be rolled back).
 */
export function useReplica<C extends SyncCollection, R = SyncedItem<C>[]>(
  collection: C,
  select?: (items: SyncedItem<C>[]) => R,
): UseQueryResult<R> {
  const pick = useCallback((data: ReplicaData<SyncedItem<C>>) => (select ? select(data.items) : (data.items as R)), [select]);
  return useQuery({ ...replicaQuery(collection), select: pick }) as UseQueryResult<R>;
}

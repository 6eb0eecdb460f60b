/**
 * The live local replica: the bounded collections of the signed-in user (projects, tasks, note
 * summaries, note sessions, links), held whole in the query cache, kept current by domain events,
 * caught up on each connection by `GET /api/sync/<collection>?since=<version>`, and persisted in
 * IndexedDB so a reload paints at once. Features read it through use-replica.ts.
 *
 * Why TanStack Query + idb-keyval (measured on 2026-12-01 in Debian Chromium via playwright-core,
 * 5,000 tasks of 20 projects, medians; gzip sizes by esbuild --minify, React and TanStack Query excluded
 * as the data chunk already holds them):
 *
 * | candidate                                   | gzip     | filter+sort 5,000 | restore 5,000 from IndexedDB | write 5,000 |
 * | ------------------------------------------- | -------- | ----------------- | ---------------------------- | ----------- |
 * | TanStack DB 0.15 + react-db + query-db-coll. | 138 KB   | 4.9 ms (new live query; 0.8 ms incremental update) | no IndexedDB layer (+ 42 ms to load a collection) | — |
 * | Dexie 4.4 + dexie-react-hooks                | 33 KB    | 2.2 ms (indexed where + sort) | 57 ms (table.toArray) | 302 ms (bulkPut) |
 * | TanStack Query (held) + idb-keyval 6.3       | 0.6 KB   | 0.4 ms (Array filter + sort) | 12 ms (one record) | 15 ms (one record) |
 *
 * The figures come from a throwaway script (bench page bundled with esbuild, run by playwright-core).
 * A user's collection is a few thousand items: filtering an array is already far under a frame,
 * so TanStack DB's incremental live queries buy nothing measurable for 200× the bytes (and it is
 * pre-1.0); Dexie's per-item storage costs 5× the restore and 20× the snapshot write. The query
 * cache the client already has keeps the data, its `select` derives each view, and idb-keyval
 * stores one record per collection. TanStack's own persister (@tanstack/query-async-storage-persister
 * 5.104.5) was the first choice, but it pins @tanstack/query-core 5.104.5 exactly: a second copy of
 * query-core beside ours (5.108) whose QueryClient type is not ours; what it would add here (a
 * throttled write, a per-user key) is replica-persist.ts's forty lines.
 */
import type { SyncCollection, SyncedItem } from '@panoramix/contracts';
import type { QueryClient } from '@tanstack/react-query';
import type { EventAppliers } from '../event-appliers.ts';
import { onSessionChange } from '../session-token.ts';
import type { ReplicaDeclaration } from './declaration.ts';
import { contentCollections, dropReplicaItem, putReplicaItem } from './replica-cache.ts';
import { eraseReplica, persistReplica, restoreReplica } from './replica-persist.ts';
import { syncCollection } from './replica-sync.ts';

export interface Replica {
  /** The event appliers of the declared collections, for the socket's dispatcher. */
  appliers: EventAppliers[];
  /** After each (re)connection: what changed while no event could arrive. */
  resync: () => void;
  /** The session's end in this tab: no more writes to IndexedDB. */
  stop: () => void;
}

/** Running replicas' stops: a sign-out stops their writes before erasing. */
const running = new Set<() => void>();

// Signing out (here or in another tab), or a session that expired: nothing of this user stays.
onSessionChange((session) => {
  if (session) return;
  for (const stop of running) stop();
  void eraseReplica().catch(() => undefined);
});

/** The persisted collections of this user into the cache; an unreadable IndexedDB (private mode) just starts empty. */
export const restore = (queryClient: QueryClient, userId: string) => restoreReplica(queryClient, userId).catch(() => undefined);

function appliersOf(userId: string, declaration: ReplicaDeclaration): EventAppliers {
  const { collection, toItem = (item) => item } = declaration;
  const appliers: Record<string, (client: QueryClient, data: never) => void> = {};
  for (const type of declaration.upserts) {
    appliers[type] = (client, data: SyncedItem<SyncCollection>) => {
      const item = toItem(data);
      const result = putReplicaItem(client, collection, item);
      // A project shared with me: its content comes with the next changes (the server adds the content
      // of projects joined since my version), fetched now rather than at the next connection.
      if (collection === 'projects' && result === 'added' && (item as SyncedItem<'projects'>).userId !== userId) {
        for (const content of contentCollections(client)) void syncCollection(client, content, { fresh: true });
      }
    };
  }
  for (const type of declaration.removes) {
    appliers[type] = (client, data: { id: string }) => dropReplicaItem(client, collection, data.id);
  }
  return appliers as EventAppliers;
}

/**
 * Starts the replica of the declared collections for a signed-in user, once `restore` has put back
 * what IndexedDB held: each collection pulls its snapshot (or catches up from its version) now.
 */
export function startReplica(queryClient: QueryClient, userId: string, declarations: readonly ReplicaDeclaration[]): Replica {
  const stopPersisting = persistReplica(queryClient, userId);
  const resync = () => {
    for (const { collection } of declarations) void syncCollection(queryClient, collection);
  };
  const stop = () => {
    running.delete(stop);
    stopPersisting();
  };
  running.add(stop);
  resync();
  return { appliers: declarations.map((d) => appliersOf(userId, d)), resync, stop };
}

import type { SyncCollection, SyncedItem } from '@panoramix/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { graveyard, reconcile } from '../reconcile.ts';
import type { Ties } from '../reconcile.ts';

/** One collection as the query cache holds it: the server's version of it, and its items (in no order). */
export interface ReplicaData<T> {
  version: string;
  items: T[];
}

interface Item {
  id: string;
  updatedAt?: string;
  projectId?: string | null;
}

/** The collection whose ids decide which project content the user still sees. */
const PROJECTS = 'projects' satisfies SyncCollection;

export const replicaKey = <C extends SyncCollection>(collection: C) => ['replica', collection] as const;
export const replicaRoot = ['replica'] as const;

const read = <T>(queryClient: QueryClient, collection: SyncCollection) =>
  queryClient.getQueryData<ReplicaData<T>>(replicaKey(collection));

/** Deletions the replica was told of: a late version of a deleted item stays out (see reconcile.ts). */
const graves = graveyard();
const graveKey = (collection: SyncCollection, id: string) => `${collection}:${id}`;

/**
 * Whether a project's item is still in sight: unfiled items (projectId null) are the user's own;
 * the rest need their project in the replicated projects (once those are known: before their
 * first snapshot, nothing is dropped).
 */
function sightOf(queryClient: QueryClient, collection: SyncCollection): (item: Item) => boolean {
  const projects = collection === PROJECTS ? undefined : read<Item>(queryClient, PROJECTS);
  if (!projects) return () => true;
  const ids = new Set(projects.items.map((p) => p.id));
  return (item) => item.projectId == null || ids.has(item.projectId);
}

/**
 * Ids put while a pull of their collection is under way (events, mutation answers): a snapshot read
 * before them does not list them, and must not take them away. One set per pull under way.
 */
const arrivals = new WeakMap<QueryClient, Map<SyncCollection, Set<Set<string>>>>();

/** Starts noting the ids put into a collection; `stop` when the pull that asked has settled. */
export function noteArrivals(queryClient: QueryClient, collection: SyncCollection): { ids: Set<string>; stop: () => void } {
  const byCollection = arrivals.get(queryClient) ?? new Map<SyncCollection, Set<Set<string>>>();
  arrivals.set(queryClient, byCollection);
  const watchers = byCollection.get(collection) ?? new Set<Set<string>>();
  byCollection.set(collection, watchers);
  const ids = new Set<string>();
  watchers.add(ids);
  return { ids, stop: () => watchers.delete(ids) };
}

/**
 * Local writes under way, per item (`collection:id`): how many, and the newest server copy that
 * arrived meanwhile. An optimistic copy carries the `updatedAt` of the version it was made from,
 * so the echo of an earlier write of the same item (its answer or its event: two quick moves)
 * is newer and would take the row back to that earlier state; it waits here until the last
 * write of the item settles, and then settles as any server copy does.
 */
const holds = new WeakMap<QueryClient, Map<string, { count: number; latest?: Item }>>();

const holdOf = (queryClient: QueryClient, collection: SyncCollection, id: string) =>
  holds.get(queryClient)?.get(graveKey(collection, id));

/** Keeps a server copy aside when a local write of its item is under way; whether it did. */
function setAside(queryClient: QueryClient, collection: SyncCollection, item: Item): boolean {
  const hold = holdOf(queryClient, collection, item.id);
  if (hold) hold.latest = reconcile(hold.latest, item);
  return hold !== undefined;
}

/**
 * Marks a local write of an item as under way, from its optimistic copy until its request settles:
 * the server's copies of that item are held back meanwhile (see `holds`). The returned release
 * (once per hold; later calls do nothing) puts the newest of them once no write is left.
 */
export function holdReplicaItem(queryClient: QueryClient, collection: SyncCollection, id: string): () => void {
  const byKey = holds.get(queryClient) ?? new Map<string, { count: number; latest?: Item }>();
  holds.set(queryClient, byKey);
  const key = graveKey(collection, id);
  const hold = byKey.get(key) ?? { count: 0 };
  byKey.set(key, hold);
  hold.count += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    hold.count -= 1;
    if (hold.count > 0) return;
    byKey.delete(key);
    if (hold.latest) putReplicaItem(queryClient, collection, hold.latest as SyncedItem<typeof collection>);
  };
}

/** What a put did: a new item, a newer version, or nothing (an older version, a deleted or out-of-sight item). */
export type PutResult = 'added' | 'replaced' | 'ignored';

/**
 * A version of an item into its collection, unless a newer one is held, it was deleted since, or
 * it belongs to a project the user no longer sees. Idempotent: a mutation's answer and its event
 * both arrive, in either order. `ties: 'incoming'` for local writes (optimistic copies, rollbacks).
 */
export function putReplicaItem<C extends SyncCollection>(
  queryClient: QueryClient,
  collection: C,
  item: SyncedItem<C>,
  ties: Ties = 'settle',
): PutResult {
  const data = read<SyncedItem<C>>(queryClient, collection);
  // Before the first snapshot there is nothing to edit: the snapshot brings the item (see replica-sync.ts).
  if (!data || graves.isBuried(queryClient, graveKey(collection, item.id), item)) return 'ignored';
  if (!sightOf(queryClient, collection)(item)) return 'ignored';
  if (ties === 'settle' && setAside(queryClient, collection, item)) return 'ignored';
  const at = data.items.findIndex((known) => known.id === item.id);
  if (at >= 0 && reconcile(data.items[at], item, ties) !== item) return 'ignored';
  const items = at >= 0 ? data.items.map((known, i) => (i === at ? item : known)) : [...data.items, item];
  queryClient.setQueryData<ReplicaData<SyncedItem<C>>>(replicaKey(collection), { ...data, items });
  for (const ids of arrivals.get(queryClient)?.get(collection) ?? []) ids.add(item.id);
  return at >= 0 ? 'replaced' : 'added';
}

/**
 * An item out of its collection. `deleted` when the server says so (its event, our delete's
 * answer): a tombstone then keeps every version written before the deletion out. Without it (an
 * optimistic removal) a rollback can put the item back. A project takes its content along.
 */
export function dropReplicaItem(
  queryClient: QueryClient,
  collection: SyncCollection,
  id: string,
  { deleted = true, seen }: { deleted?: boolean; seen?: Item } = {},
): void {
  const data = read<Item>(queryClient, collection);
  if (deleted)
    graves.bury(
      queryClient,
      graveKey(collection, id),
      data?.items.find((item) => item.id === id),
      seen,
    );
  if (data?.items.some((item) => item.id === id)) {
    queryClient.setQueryData<ReplicaData<Item>>(replicaKey(collection), {
      ...data,
      items: data.items.filter((item) => item.id !== id),
    });
  }
  if (collection === PROJECTS) dropContentOutOfSight(queryClient);
}

/** Every collection held apart from the projects: the content that lives in them. */
export const contentCollections = (queryClient: QueryClient): SyncCollection[] =>
  queryClient
    .getQueryCache()
    .findAll({ queryKey: replicaRoot })
    .map((query) => query.queryKey[1] as SyncCollection)
    .filter((collection) => collection !== PROJECTS);

/** The items of projects the user no longer sees (left, removed from, deleted) leave every collection. */
export function dropContentOutOfSight(queryClient: QueryClient): void {
  for (const collection of contentCollections(queryClient)) {
    const data = read<Item>(queryClient, collection);
    if (!data) continue;
    const inSight = sightOf(queryClient, collection);
    const items = data.items.filter(inSight);
    if (items.length !== data.items.length) {
      queryClient.setQueryData<ReplicaData<Item>>(replicaKey(collection), { ...data, items });
    }
  }
}

/** What the sync route answers (see packages/contracts/src/sync.ts). */
export interface SyncAnswer<T> {
  version: string;
  items: T[];
  removed: string[];
}

/**
 * The collection after a sync answer: a snapshot replaces it (but for the items that `arrived`
 * while it was read), changes since a version are upserted and their removed ids dropped. Either
 * way a version held that is newer than the answer's stays, an item with a local write under way
 * keeps its local copy, and deleted or out-of-sight items stay out.
 */
export function mergeAnswer<T extends Item>(
  queryClient: QueryClient,
  collection: SyncCollection,
  answer: SyncAnswer<T>,
  { snapshot, arrived }: { snapshot: boolean; arrived: ReadonlySet<string> },
): ReplicaData<T> {
  const held = new Map((read<T>(queryClient, collection)?.items ?? []).map((item) => [item.id, item]));
  const byId = snapshot ? new Map([...held].filter(([id]) => arrived.has(id))) : new Map(held);
  for (const id of answer.removed) byId.delete(id);
  for (const item of answer.items) {
    if (graves.isBuried(queryClient, graveKey(collection, item.id), item)) continue;
    if (setAside(queryClient, collection, item)) {
      const local = held.get(item.id);
      if (local) byId.set(item.id, local);
      continue;
    }
    byId.set(item.id, reconcile(held.get(item.id), item));
  }
  const inSight = sightOf(queryClient, collection);
  return { version: answer.version, items: [...byId.values()].filter(inSight) };
}

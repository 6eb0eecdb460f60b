import type { DomainEventMap, DomainEventType, SyncCollection, SyncedItem } from '@panoramix/contracts';

/** The events whose payload is a whole item of the collection (its `.created` / `.updated`). */
export type UpsertEvent<C extends SyncCollection> = {
  [K in DomainEventType]: DomainEventMap[K] extends SyncedItem<C> ? K : never;
}[DomainEventType];

/** The events that carry the id of an item gone for the user (its `.deleted`). */
export type RemoveEvent = { [K in DomainEventType]: DomainEventMap[K] extends { id: string } ? K : never }[DomainEventType];

/**
 * A collection a feature keeps in the live local replica, and the domain events that keep it
 * current. The feature's registry entry lists these behind a loader (`replica: () => import(…)`).
 */
export interface ReplicaDeclaration<C extends SyncCollection = SyncCollection> {
  collection: C;
  upserts: readonly UpsertEvent<C>[];
  removes: readonly RemoveEvent[];
  /** The item as the replica keeps it, from an event's payload (notes drop their content). Default: as is. */
  toItem?: (data: SyncedItem<C>) => SyncedItem<C>;
}

/** Typed helper: `defineReplica({ collection: 'tasks', upserts: ['task.created', 'task.updated'], removes: ['task.deleted'] })`. */
export const defineReplica = <C extends SyncCollection>(declaration: ReplicaDeclaration<C>): ReplicaDeclaration =>
  declaration as unknown as ReplicaDeclaration;

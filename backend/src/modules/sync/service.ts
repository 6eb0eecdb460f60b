import type { SyncCollection, SyncedItem } from '@panoramix/contracts';
import type { AuthUser } from '../../http/auth-guard.ts';
import { streamJson } from '../../http/json-stream.ts';
import type { EventBus } from '../../realtime/event-bus.ts';
import { sources } from './sources.ts';
import { recordSyncChanges, removedSince } from './tombstones.ts';
import { changesFrom, versionAt } from './version.ts';

interface Changes<C extends SyncCollection> {
  version: string;
  items: SyncedItem<C>[];
  removed: string[];
}

/**
 * The live local replica's reads: a collection as the caller sees it, or what changed in it since
 * a version. The version is taken before any read, tombstones are read before the items: whatever
 * changes during the answer is in this answer or in the next one, never in neither.
 */
export function createSyncService(deps: { events: EventBus }) {
  recordSyncChanges(deps.events);

  async function changes<C extends SyncCollection>(actor: AuthUser, collection: C, since: string | undefined) {
    const now = Date.now();
    const from = since === undefined ? undefined : changesFrom(since, now);
    const removed = from ? await removedSince(actor, collection, from) : [];
    const items = (sources[collection] as (actor: AuthUser, since: Date | undefined) => AsyncGenerator<SyncedItem<C>[]>)(
      actor,
      from,
    );
    return streamJson<Changes<C>>({ version: versionAt(now), items, removed });
  }

  return { changes };
}

export type SyncService = ReturnType<typeof createSyncService>;

import type { DomainEventType, SyncCollection } from '@panoramix/contracts';
import type { AuthUser } from '../../http/auth-guard.ts';
import type { JobDefinition } from '../../jobs/runner.ts';
import { onlyDuplicateKeys } from '../../db/duplicate-key.ts';
import { recipientsOf } from '../../realtime/event-bus.ts';
import type { AnyDomainEvent, EventBus } from '../../realtime/event-bus.ts';
import { GrantModel, TombstoneModel, grantId } from './model.ts';
import { RETENTION_MS } from './version.ts';

/** The events after which their audience no longer sees an item, and the collection it leaves. */
const leaving: Partial<Record<DomainEventType, SyncCollection>> = {
  'project.deleted': 'projects', // a deleted project, or one the audience was removed from
  'task.deleted': 'tasks', // deleted, or moved to a project the audience is not in
  'note.deleted': 'notes',
  'noteSession.deleted': 'noteSessions',
  'link.deleted': 'links',
};

async function record(event: AnyDomainEvent) {
  const kind = leaving[event.type];
  if (!kind) return;
  const { id } = event.data as { id: string };
  const userIds = recipientsOf(event);
  await TombstoneModel.create({ kind, itemId: id, userIds, at: new Date() });
  // They left the project: joining it again must send its content again.
  if (kind === 'projects') await GrantModel.deleteMany({ _id: { $in: userIds.map((userId) => grantId(id, userId)) } });
}

/** Every member of a project, the first time they are seen as one; the members seen before keep their date. */
async function grant(project: { id: string; memberIds: string[] }) {
  const at = new Date();
  const grants = project.memberIds.map((userId) => ({ _id: grantId(project.id, userId), projectId: project.id, userId, at }));
  await GrantModel.insertMany(grants, { ordered: false }).catch((error: unknown) => {
    if (!onlyDuplicateKeys(error)) throw error;
  });
}

/**
 * Records what replicas need beside the items' `updatedAt`: a tombstone exactly where a
 * `<entity>.deleted` event is emitted, with that event's audience, and who began to see a project.
 * Durable: a write is acknowledged once its tombstone is stored, so a crash right after loses none
 * and no service has to remember it.
 */
export function recordSyncChanges(events: EventBus) {
  return events.subscribe(
    async (event) => {
      if (event.type === 'project.created' || event.type === 'project.updated') await grant(event.data);
      else await record(event);
    },
    { durable: true },
  );
}

/** The ids of the caller's `kind` items gone out of their sight from `since` on. */
export async function removedSince(actor: AuthUser, kind: SyncCollection, since: Date): Promise<string[]> {
  const rows = await TombstoneModel.find({ userIds: actor.id, kind, at: { $gte: since } }, { itemId: 1, _id: 0 }).lean();
  return [...new Set(rows.map((row) => String(row.itemId)))];
}

/** The projects the caller began to see from `since` on. */
export async function joinedSince(actor: AuthUser, since: Date): Promise<string[]> {
  const rows = await GrantModel.find({ userId: actor.id, at: { $gte: since } }, { projectId: 1, _id: 0 }).lean();
  return rows.map((row) => String(row.projectId));
}

export const PURGE_TOMBSTONES_JOB = 'sync.purge-tombstones';

/** Past the retention window a version answers 410 (see version.ts), so older tombstones serve nobody. */
export const syncJobs: JobDefinition[] = [
  {
    name: PURGE_TOMBSTONES_JOB,
    every: '1 hour',
    run: async () => void (await TombstoneModel.deleteMany({ at: { $lt: new Date(Date.now() - RETENTION_MS) } })),
  },
];

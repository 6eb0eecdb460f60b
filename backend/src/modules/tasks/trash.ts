import { Schema, Types, model } from 'mongoose';
import type { AuthUser } from '../../http/auth-guard.ts';
import { onlyDuplicateKeys } from '../../db/duplicate-key.ts';
import { ownedPlugin, ownerField } from '../../db/tenancy.ts';
import type { JobDefinition } from '../../jobs/runner.ts';
import { DAY_MS } from '@panoramix/contracts';
import type { TaskDoc } from './model.ts';

/**
 * Deleted tasks, kept a day so that "Annuler" brings the same tasks back (same ids, so every
 * member's client, link and alarm pointing at one finds it again) rather than copies. Keyed by the
 * task's id; owned by who deleted it, the only one who may restore it.
 */
const trashSchema = new Schema({
  _id: { type: Schema.Types.ObjectId, required: true },
  userId: ownerField,
  deletedAt: { type: Date, required: true },
  task: { type: Schema.Types.Mixed, required: true },
});
trashSchema.plugin(ownedPlugin);
trashSchema.index({ deletedAt: 1 }); // the purge; FerretDB refuses TTL indexes

const TaskTrashModel = model('TaskTrash', trashSchema, 'task_trash');

/** Keeps the tasks about to be deleted by `actor` (written before the deletion: a crash between loses nothing). */
export async function keepDeleted(actor: AuthUser, tasks: readonly TaskDoc[]) {
  const deletedAt = new Date();
  const userId = new Types.ObjectId(actor.id);
  const rows = tasks.map((task) => ({ _id: task._id, userId, deletedAt, task }));
  // A task deleted, restored and deleted again within the day: the newer copy replaces the older,
  // in one command. A copy another member still holds keeps its id (a duplicate key, ignored).
  await TaskTrashModel.bulkWrite(
    rows.map((row) => ({ replaceOne: { filter: { _id: row._id, userId }, replacement: row, upsert: true } })),
    { ordered: false },
  ).catch((error: unknown) => {
    if (!onlyDuplicateKeys(error)) throw error;
  });
}

/** The tasks `actor` deleted lately, of those `ids` (absent ones are simply missing). */
export async function deletedBy(actor: AuthUser, ids: readonly string[]): Promise<TaskDoc[]> {
  const rows = await TaskTrashModel.find({ userId: actor.id, _id: { $in: ids } }).lean<{ task: TaskDoc }[]>();
  return rows.map((row) => row.task);
}

/** Restored tasks leave the trash. */
export const forgetDeleted = (actor: AuthUser, ids: readonly Types.ObjectId[]) =>
  TaskTrashModel.deleteMany({ userId: actor.id, _id: { $in: ids } });

export const PURGE_TASK_TRASH_JOB = 'tasks.purge-trash';

export const taskTrashJobs: JobDefinition[] = [
  {
    name: PURGE_TASK_TRASH_JOB,
    every: '1 hour',
    run: async () =>
      void (await TaskTrashModel.deleteMany({ deletedAt: { $lt: new Date(Date.now() - DAY_MS) } }).setOptions({
        tenancy: 'system',
      })),
  },
];

import { Schema, model } from 'mongoose';
import type { InferSchemaType, Types } from 'mongoose';
import { isOpen, openStatuses, taskStatuses } from '@panoramix/contracts';
import type { TaskStatus } from '@panoramix/contracts';
import { ownedPlugin, ownerField } from '../../db/tenancy.ts';
import { rankField } from '../../lib/order-keys.ts';

const taskSchema = new Schema(
  {
    userId: ownerField,
    projectId: { type: Schema.Types.ObjectId, default: null },
    title: { type: String, required: true, trim: true },
    notes: { type: String, default: '' },
    status: { type: String, enum: taskStatuses, required: true, default: 'todo' },
    statusChangedAt: { type: Date, required: true },
    /**
     * Whether the status is an open one (to do, in progress), stored so lists and the dashboard ask
     * `open: true`, an equality every backend serves from an index, rather than `status: {$in}`.
     * Kept in step by the hooks below on every write; `backfillOpen` fixes older documents.
     */
    open: { type: Boolean, required: true, default: true },
    deadline: { type: Date, default: null },
    isUrgent: { type: Boolean, default: false },
    isImportant: { type: Boolean, default: false },
    rank: rankField, // an order key
    tags: { type: [String], default: [] },
    assigneeId: { type: Schema.Types.ObjectId, default: null },
    estimate: { type: Number, default: null },
    actual: { type: Number, default: null },
    /** Set by the journal's accepted suggestions (the entries cited); such a task's _id derives from them. */
    source: {
      type: new Schema(
        { kind: { type: String, enum: ['journal'], required: true }, ids: [Schema.Types.ObjectId] },
        { _id: false },
      ),
      default: null,
    },
  },
  { timestamps: true },
);
taskSchema.plugin(ownedPlugin, { sharedBy: ['projectId'] });

taskSchema.pre('validate', function () {
  this.open = isOpen(this);
});
taskSchema.pre(['findOneAndUpdate', 'updateOne', 'updateMany'], function () {
  const update = this.getUpdate() as { status?: TaskStatus; $set?: { status?: TaskStatus } } | null;
  const status = update?.$set?.status ?? update?.status;
  if (status !== undefined) this.set('open', isOpen({ status }));
});

taskSchema.index({ projectId: 1, rank: 1, _id: 1 });
taskSchema.index({ userId: 1, projectId: 1, rank: 1, _id: 1 });
// Open tasks in rank order, a deadline range last (lists ?overdue, ?dueWithinDays): equality, sort, range.
taskSchema.index({ projectId: 1, open: 1, rank: 1, _id: 1, deadline: 1 });
taskSchema.index({ userId: 1, projectId: 1, open: 1, rank: 1, _id: 1, deadline: 1 });
// What changed since a replica's version (sync): the largest synced collection, read by `updatedAt` on every reconnect.
taskSchema.index({ projectId: 1, updatedAt: 1 });
taskSchema.index({ userId: 1, projectId: 1, updatedAt: 1 });

export const TaskModel = model('Task', taskSchema);

/**
 * Sets `open` on documents written before it existed, or restored from an archive without it: one
 * update per value, each writing nothing once every document has it right.
 */
export async function backfillOpen() {
  const system = { tenancy: 'system' as const };
  await TaskModel.updateMany(
    { status: { $in: openStatuses }, open: { $ne: true } },
    { $set: { open: true } },
    { timestamps: false },
  ).setOptions(system);
  await TaskModel.updateMany(
    { status: { $nin: openStatuses }, open: { $ne: false } },
    { $set: { open: false } },
    { timestamps: false },
  ).setOptions(system);
}
export type TaskDoc = Omit<InferSchemaType<typeof taskSchema>, 'rank'> & {
  _id: Types.ObjectId;
  rank: string;
  createdAt: Date;
  updatedAt: Date;
};

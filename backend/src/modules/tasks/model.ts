import { Schema, model } from 'mongoose';
import type { InferSchemaType, Types } from 'mongoose';
import { taskStatuses } from '@panoramix/contracts';
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
    deadline: { type: Date, default: null },
    isUrgent: { type: Boolean, default: false },
    isImportant: { type: Boolean, default: false },
    rank: rankField, // an order key
    tags: { type: [String], default: [] },
  },
  { timestamps: true },
);
taskSchema.plugin(ownedPlugin, { sharedBy: ['projectId'] });
taskSchema.index({ projectId: 1, rank: 1, _id: 1 });
taskSchema.index({ userId: 1, projectId: 1, rank: 1, _id: 1 });
// What changed since a replica's version (sync): the largest synced collection, read by `updatedAt` on every reconnect.
taskSchema.index({ projectId: 1, updatedAt: 1 });
taskSchema.index({ userId: 1, projectId: 1, updatedAt: 1 });

export const TaskModel = model('Task', taskSchema);
export type TaskDoc = Omit<InferSchemaType<typeof taskSchema>, 'rank'> & {
  _id: Types.ObjectId;
  rank: string;
  createdAt: Date;
  updatedAt: Date;
};

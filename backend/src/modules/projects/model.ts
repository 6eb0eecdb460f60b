import { Schema, model } from 'mongoose';
import type { InferSchemaType, Types } from 'mongoose';
import { healthFlags } from '@panoramix/contracts';
import { ownedPlugin, ownerField } from '../../db/tenancy.ts';
import { rankField } from '../../lib/order-keys.ts';

const projectSchema = new Schema(
  {
    userId: ownerField,
    /** Everyone who reaches the project's content, owner included. */
    memberIds: { type: [Schema.Types.ObjectId], required: true, index: true },
    name: { type: String, required: true, trim: true },
    description: { type: String, default: '' },
    status: { type: String, default: '', trim: true },
    targetDate: { type: Date, default: null },
    healthFlag: { type: String, enum: [...healthFlags, null], default: null },
    colorLabel: { type: String, default: null },
    isFavorite: { type: Boolean, default: false },
    favoriteRank: { type: Number, default: null },
    rank: rankField, // an order key
    /** Latest change to the project or its content ("touch project"): drives dormancy and health. */
    lastActivityAt: { type: Date, default: () => new Date() },
    /**
     * An order key at or below every task rank written into the project explicitly (null: not known
     * yet). A new task's key goes just below it, newest first, so adding a task on top reads no task.
     */
    taskTopRank: { type: String, default: null },
    /** Set when deletion starts: the project is gone for users while the cascade job runs. */
    deletingAt: { type: Date, default: null },
  },
  { timestamps: true },
);
projectSchema.plugin(ownedPlugin, { sharedBy: ['memberIds'] });
projectSchema.index({ memberIds: 1, rank: 1, _id: 1 });

export const ProjectModel = model('Project', projectSchema);
export type ProjectDoc = Omit<InferSchemaType<typeof projectSchema>, 'rank'> & {
  _id: Types.ObjectId;
  rank: string;
  createdAt: Date;
  updatedAt: Date;
};

import { Schema, model } from 'mongoose';
import type { InferSchemaType, Types } from 'mongoose';
import { ownedPlugin, ownerField } from '../../db/tenancy.ts';

const linkSchema = new Schema(
  {
    userId: ownerField,
    /** Set: the project's members share the link, as they share its tasks and notes. */
    projectId: { type: Schema.Types.ObjectId, default: null },
    name: { type: String, required: true, trim: true },
    url: { type: String, required: true },
    clicksCount: { type: Number, required: true, default: 0 },
    lastClickedAt: { type: Date, default: null },
  },
  { timestamps: true },
);
linkSchema.plugin(ownedPlugin, { sharedBy: ['projectId'] });
linkSchema.index({ userId: 1, _id: -1 });
linkSchema.index({ projectId: 1, _id: -1 });

export const LinkModel = model('Link', linkSchema);
export type LinkDoc = InferSchemaType<typeof linkSchema> & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };

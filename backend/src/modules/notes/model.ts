import { Schema, model } from 'mongoose';
import type { InferSchemaType, Types } from 'mongoose';
import { ownedPlugin, ownerField } from '../../db/tenancy.ts';

const noteSchema = new Schema(
  {
    userId: ownerField,
    projectId: { type: Schema.Types.ObjectId, default: null },
    title: { type: String, required: true, trim: true },
    content: { type: String, default: '' },
  },
  { timestamps: true },
);
noteSchema.plugin(ownedPlugin, { sharedBy: ['projectId'] });
noteSchema.index({ projectId: 1, updatedAt: -1, _id: -1 });
noteSchema.index({ userId: 1, projectId: 1, updatedAt: -1, _id: -1 });

export const NoteModel = model('Note', noteSchema);
export type NoteDoc = InferSchemaType<typeof noteSchema> & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };

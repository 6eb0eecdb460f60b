import { Schema, model } from 'mongoose';
import type { InferSchemaType, Types } from 'mongoose';
import { ownedPlugin, ownerField } from '../../db/tenancy.ts';
import { rankField } from '../../lib/order-keys.ts';

const noteSessionSchema = new Schema(
  {
    userId: ownerField,
    projectId: { type: Schema.Types.ObjectId, default: null },
    name: { type: String, default: '', trim: true },
    aiSummary: { type: String, default: null },
    aiSummaryAt: { type: Date, default: null },
    closedAt: { type: Date, default: null },
  },
  { timestamps: true },
);
noteSessionSchema.plugin(ownedPlugin, { sharedBy: ['projectId'] });
noteSessionSchema.index({ projectId: 1, _id: -1 });
noteSessionSchema.index({ userId: 1, projectId: 1, _id: -1 });

export const NoteSessionModel = model('NoteSession', noteSessionSchema, 'note_sessions');
export type NoteSessionDoc = InferSchemaType<typeof noteSessionSchema> & {
  _id: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
};

const noteLineSchema = new Schema(
  {
    userId: ownerField,
    sessionId: { type: Schema.Types.ObjectId, required: true },
    /** Copied from the session so access checks need no join; kept in step on moves. */
    projectId: { type: Schema.Types.ObjectId, default: null },
    content: { type: String, required: true },
    rank: rankField, // an order key
  },
  { timestamps: true },
);
noteLineSchema.plugin(ownedPlugin, { sharedBy: ['projectId'] });
noteLineSchema.index({ sessionId: 1, rank: 1, _id: 1 });
noteLineSchema.index({ projectId: 1 });

export const NoteLineModel = model('NoteLine', noteLineSchema, 'note_lines');
export type NoteLineDoc = Omit<InferSchemaType<typeof noteLineSchema>, 'rank'> & {
  _id: Types.ObjectId;
  rank: string;
  createdAt: Date;
  updatedAt: Date;
};

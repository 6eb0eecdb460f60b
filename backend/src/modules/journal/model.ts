import { Schema, model } from 'mongoose';
import type { InferSchemaType, Types } from 'mongoose';
import { ownedPlugin, ownerField } from '../../db/tenancy.ts';

const journalEntrySchema = new Schema(
  {
    userId: ownerField,
    /** One line, whitespace collapsed by the contract. */
    content: { type: String, required: true },
  },
  { timestamps: true },
);
journalEntrySchema.plugin(ownedPlugin);
// The list pages by `createdAt` (an undone delete comes back at its own time), the summary reads a window of it.
journalEntrySchema.index({ userId: 1, createdAt: -1, _id: -1 });

export const JournalEntryModel = model('JournalEntry', journalEntrySchema, 'journal_entries');
export type JournalEntryDoc = InferSchemaType<typeof journalEntrySchema> & {
  _id: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
};

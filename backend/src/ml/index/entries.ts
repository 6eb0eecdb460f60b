import { Schema, model } from 'mongoose';
import { ownedPlugin, ownerField } from '../../db/tenancy.ts';

/**
 * The keyword side of search and the text behind every vector point: one entry per point
 * (`_id` = point id), with the normalized tokens of its title and text for prefix matching
 * (no `$text`: FerretDB has none). `scope` decides who finds it, as for the vectors.
 */
const searchEntrySchema = new Schema(
  {
    _id: { type: String, required: true },
    userId: ownerField,
    scope: { type: String, required: true },
    projectId: { type: Schema.Types.ObjectId, default: null },
    kind: { type: String, required: true },
    itemId: { type: String, required: true },
    chunk: { type: Number, required: true },
    title: { type: String, required: true },
    text: { type: String, default: '' },
    tokens: { type: [String], default: [] },
    target: { type: String, required: true },
    updatedAt: { type: Date, required: true },
  },
  { timestamps: false, versionKey: false },
);
searchEntrySchema.plugin(ownedPlugin, { sharedBy: ['scope'] });
searchEntrySchema.index({ scope: 1, tokens: 1 });
searchEntrySchema.index({ kind: 1, itemId: 1 });

export const SearchEntryModel = model('SearchEntry', searchEntrySchema, 'search_entries');
export interface SearchEntryDoc {
  _id: string;
  userId: unknown;
  scope: string;
  projectId: unknown;
  kind: string;
  itemId: string;
  chunk: number;
  title: string;
  text: string;
  tokens: string[];
  target: string;
  updatedAt: Date;
}

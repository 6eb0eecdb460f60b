import { Schema, model } from 'mongoose';
import type { InferSchemaType, Types } from 'mongoose';
import { ownedPlugin, ownerField } from '../../db/tenancy.ts';

/** Panorama's `vendorsIgnore`: a vendor every import skips, or one line (by key and bank id) deleted for good. */
const budgetIgnoreSchema = new Schema(
  {
    userId: ownerField,
    type: { type: String, required: true, enum: ['vendor', 'line'] },
    vendorName: { type: String, default: '' },
    vendorKey: { type: String, default: '' },
    dedupeKey: { type: String, default: '' },
    sourceRef: { type: String, default: '' },
    lineId: { type: Schema.Types.ObjectId, default: null }, // restoring the line takes it off the list
  },
  { timestamps: true },
);
budgetIgnoreSchema.plugin(ownedPlugin);

export const BudgetIgnoreModel = model('BudgetIgnore', budgetIgnoreSchema, 'budget_ignores');
export type BudgetIgnoreDoc = InferSchemaType<typeof budgetIgnoreSchema> & {
  _id: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
};

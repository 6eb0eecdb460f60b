import { Schema, model } from 'mongoose';
import type { InferSchemaType, Types } from 'mongoose';
import { ownedPlugin, ownerField } from '../../db/tenancy.ts';

/** *Garder les deux*: a pair of lines the owner said are not duplicates (`pairKey` = both ids, sorted). */
const budgetKeptPairSchema = new Schema(
  {
    userId: { ...ownerField, index: false }, // the unique index below starts with it
    pairKey: { type: String, required: true },
  },
  { timestamps: true },
);
budgetKeptPairSchema.plugin(ownedPlugin);
budgetKeptPairSchema.index({ userId: 1, pairKey: 1 }, { unique: true }); // a retry inserts nothing twice

export const BudgetKeptPairModel = model('BudgetKeptPair', budgetKeptPairSchema, 'budget_kept_pairs');

/** *Fusionner*, kept so it can be undone: which fields the kept line took, and what they were before. */
const budgetMergeSchema = new Schema(
  {
    userId: ownerField,
    keptId: { type: Schema.Types.ObjectId, required: true },
    removedId: { type: Schema.Types.ObjectId, required: true },
    before: { type: Schema.Types.Mixed, required: true },
    after: { type: Schema.Types.Mixed, required: true },
  },
  { timestamps: true, minimize: false },
);
budgetMergeSchema.plugin(ownedPlugin);

export const BudgetMergeModel = model('BudgetMerge', budgetMergeSchema, 'budget_merges');
export type BudgetMergeDoc = InferSchemaType<typeof budgetMergeSchema> & { _id: Types.ObjectId };

import { Schema, model } from 'mongoose';
import type { InferSchemaType, Types } from 'mongoose';
import { ownedPlugin, ownerField } from '../../../db/tenancy.ts';

const text = { type: String, default: '' } as const;

const budgetLineSchema = new Schema(
  {
    userId: { ...ownerField, index: false }, // the compound indexes below start with it
    date: text, // YYYY-MM-DD, '' when unreadable: string order is day order
    month: text, // YYYY-MM of `date`, kept so summaries group without date operators FerretDB lacks
    vendor: { type: String, required: true },
    vendorKey: { type: String, required: true }, // normalizeVendor(vendor): vendor rules and filters match on it
    label: text,
    amountCents: { type: Number, required: true },
    vatCents: { type: Number, default: null },
    currency: { type: String, default: 'EUR' },
    category: text,
    autoCategory: text,
    analyticsCategory: text,
    analyticsWeight: { type: Number, default: null },
    department: { type: String, default: null },
    team: { type: String, default: null },
    projectId: { type: Schema.Types.ObjectId, default: null },
    invoiceId: text,
    invoiceNumber: text,
    publicFileUrl: text,
    sourceRef: text,
    notes: text,
    source: { type: String, required: true, enum: ['manual', 'import'] },
    importId: { type: Schema.Types.ObjectId, default: null },
    importFile: text,
    importedAt: { type: Date, default: null },
    dedupeKey: { type: String, required: true },
    reconciledAt: { type: Date, default: null },
    /** The import that reconciled this hand-entered line, and the date it had: undoing that import puts it back. */
    reconciledBy: { type: Schema.Types.ObjectId, default: null },
    dateBeforeReconcile: { type: String, default: null },
  },
  // No version key: imports write lines through the driver in batches (imports/apply.ts), and a
  // line must look the same whichever way it came, in exports and backups too.
  { timestamps: true, versionKey: false },
);
budgetLineSchema.plugin(ownedPlugin);
budgetLineSchema.index({ userId: 1, date: -1, _id: -1 });
budgetLineSchema.index({ userId: 1, amountCents: -1, _id: -1 });
budgetLineSchema.index({ userId: 1, vendorKey: 1 });
budgetLineSchema.index({ userId: 1, importId: 1 });
budgetLineSchema.index({ userId: 1, reconciledBy: 1 });
budgetLineSchema.index({ projectId: 1 }); // a deleted project's lines are detached from it

export const BudgetLineModel = model('BudgetLine', budgetLineSchema, 'budget_lines');
export type BudgetLineDoc = InferSchemaType<typeof budgetLineSchema> & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };

/**
 * Deleted lines wait here 30 days for an undo, under their own _id. Keeping them out of
 * budget_lines means no list, summary or dedup has to skip them: a deleted line never blocks a
 * later import of the same expense (unless it went on the ignore list).
 */
const budgetTrashSchema = new Schema(
  {
    userId: ownerField,
    line: { type: Schema.Types.Mixed, required: true },
    deletedAt: { type: Date, required: true, index: true },
  },
  { timestamps: false, minimize: false },
);
budgetTrashSchema.plugin(ownedPlugin);

export const BudgetTrashModel = model('BudgetTrash', budgetTrashSchema, 'budget_trash');

import { Schema, model } from 'mongoose';

/**
 * The budget's books: what imports and summaries need of a user's lines, kept beside them in a
 * few documents addressed by `_id` (`<userId>|<YYYY-MM>`, `<userId>|<YYYY>`, `<userId>|<vendorKey>`), the one lookup
 * FerretDB pushes down; any other query scans budget_lines (~0.1 ms a line). books.ts keeps them
 * in step with every write; rebuild.ts recomputes them from the lines.
 *
 * Not exported: they are derived from the lines (rebuild.ts).
 */
const month = { type: String, required: true };
const year = month;

/**
 * A year's dedup keys as one JSON string, `{ <lineId>: [manual, bankId, dedupeKey] }`: FerretDB v1
 * reads and writes one long string in a few ms, where a document of 1,400 fields or array items
 * took 50 to 600 ms (bench probe, 72 documents of 1,400 lines). Written by read-modify-write on `v`.
 */
const budgetKeysSchema = new Schema(
  {
    _id: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    year,
    v: { type: Number, required: true },
    entries: { type: String, required: true },
  },
  { versionKey: false, timestamps: false },
);
budgetKeysSchema.index({ userId: 1, year: 1 });
export const BudgetKeysModel = model('BudgetKeys', budgetKeysSchema, 'budget_keys');

/**
 * A month's totals, kept by `$inc`: `total`, and per vendor spelling, team, category and project
 * (field names encoded by sums.ts) `{ c: cents, v: vat cents, n: lines }`.
 */
const budgetSumsSchema = new Schema(
  {
    _id: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    month,
    total: { type: Schema.Types.Mixed, default: {} },
    vendor: { type: Schema.Types.Mixed, default: {} },
    team: { type: Schema.Types.Mixed, default: {} },
    category: { type: Schema.Types.Mixed, default: {} },
    project: { type: Schema.Types.Mixed, default: {} },
  },
  { versionKey: false, timestamps: false, minimize: false },
);
budgetSumsSchema.index({ userId: 1, month: 1 });
export const BudgetSumsModel = model('BudgetSums', budgetSumsSchema, 'budget_sums');

/** The department and team a vendor's new lines inherit, from its latest line that had one (`at`). */
const budgetVendorRuleSchema = new Schema(
  {
    _id: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    department: { type: String, default: null },
    team: { type: String, default: null },
    at: { type: Date, required: true },
  },
  { versionKey: false, timestamps: false },
);
budgetVendorRuleSchema.index({ userId: 1 });
export const BudgetVendorRuleModel = model('BudgetVendorRule', budgetVendorRuleSchema, 'budget_vendor_rules');

export const bookId = (userId: string, key: string) => `${userId}|${key}`;

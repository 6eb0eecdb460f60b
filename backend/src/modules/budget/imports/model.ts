import { Schema, model } from 'mongoose';
import type { InferSchemaType, Types } from 'mongoose';
import { ownedPlugin, ownerField } from '../../../db/tenancy.ts';

/**
 * One uploaded file from preview to report. The bytes wait in the uploads folder (`storedName`)
 * until the import is applied, so the durable job reads them on whichever instance runs it.
 */
const budgetImportSchema = new Schema(
  {
    userId: { ...ownerField, index: false }, // the compound indexes below start with it
    fileName: { type: String, required: true },
    storedName: { type: String, default: null },
    format: { type: String, required: true },
    status: { type: String, required: true, default: 'preview' },
    encoding: { type: String, default: null },
    delimiter: { type: String, default: null },
    dateFormat: { type: String, default: null },
    decimalSeparator: { type: String, default: null },
    amountSign: { type: String, default: null },
    headers: { type: [String], default: [] },
    headerKey: { type: String, default: null },
    // FerretDB stores no nested arrays: each row is { cells }.
    sampleRows: { type: [{ _id: false, cells: [String] }], default: [] },
    mapping: { type: Schema.Types.Mixed, default: null },
    mappingRemembered: { type: Boolean, default: false },
    preview: { type: Schema.Types.Mixed, default: [] },
    rowCount: { type: Number, default: 0 },
    progress: { done: { type: Number, default: 0 }, total: { type: Number, default: 0 } },
    report: { type: Schema.Types.Mixed, default: null },
    error: { type: String, default: null },
  },
  { timestamps: true, minimize: false },
);
budgetImportSchema.plugin(ownedPlugin);
budgetImportSchema.index({ userId: 1, _id: -1 });

export const BudgetImportModel = model('BudgetImport', budgetImportSchema, 'budget_imports');
export type BudgetImportDoc = InferSchemaType<typeof budgetImportSchema> & {
  _id: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
};

/** The mapping last applied to a file of this header row, offered for the next one (one per user and shape). */
const budgetMappingSchema = new Schema(
  {
    userId: { ...ownerField, index: false }, // the compound indexes below start with it
    headerKey: { type: String, required: true },
    mapping: { type: Schema.Types.Mixed, required: true },
    dateFormat: { type: String, required: true },
    decimalSeparator: { type: String, required: true },
    amountSign: { type: String, required: true },
  },
  { timestamps: true, minimize: false },
);
budgetMappingSchema.plugin(ownedPlugin);
budgetMappingSchema.index({ userId: 1, headerKey: 1 }, { unique: true });

export const BudgetMappingModel = model('BudgetMapping', budgetMappingSchema, 'budget_mappings');

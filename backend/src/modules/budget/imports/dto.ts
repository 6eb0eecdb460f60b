import type { BudgetImport } from '@panoramix/contracts';
import { ownedBase } from '../../../lib/dto.ts';
import type { BudgetImportDoc } from './model.ts';

export const toImportDto = (doc: BudgetImportDoc): BudgetImport => ({
  ...ownedBase(doc),
  fileName: doc.fileName,
  format: doc.format as BudgetImport['format'],
  status: doc.status as BudgetImport['status'],
  encoding: doc.encoding ?? null,
  delimiter: doc.delimiter ?? null,
  dateFormat: (doc.dateFormat as BudgetImport['dateFormat']) ?? null,
  decimalSeparator: (doc.decimalSeparator as BudgetImport['decimalSeparator']) ?? null,
  amountSign: (doc.amountSign as BudgetImport['amountSign']) ?? null,
  headers: doc.headers,
  sampleRows: doc.sampleRows.map((row) => row.cells),
  mapping: (doc.mapping as BudgetImport['mapping']) ?? null,
  mappingRemembered: doc.mappingRemembered,
  preview: doc.preview as BudgetImport['preview'],
  rowCount: doc.rowCount,
  progress: { done: doc.progress?.done ?? 0, total: doc.progress?.total ?? 0 },
  report: (doc.report as BudgetImport['report']) ?? null,
  error: doc.error ?? null,
});

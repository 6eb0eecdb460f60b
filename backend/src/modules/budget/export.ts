import type { ExportedCollection } from '../export/registry.ts';
import { buildBooksOnce } from './books/rebuild.ts';
import { BudgetIgnoreModel } from './ignores.model.ts';
import { BudgetImportModel, BudgetMappingModel } from './imports/model.ts';
import { BudgetLineModel, BudgetTrashModel } from './lines/model.ts';
import { BudgetKeptPairModel, BudgetMergeModel } from './review.model.ts';

export const budgetExports: ExportedCollection[] = [
  { name: 'budgetImports', model: BudgetImportModel, scope: 'owner' },
  // The books are derived from the lines (books/model.ts): built once per database (see rebuild.ts).
  { name: 'budgetLines', model: BudgetLineModel, scope: 'owner', upgrade: buildBooksOnce },
  { name: 'budgetTrash', model: BudgetTrashModel, scope: 'owner' },
  { name: 'budgetIgnores', model: BudgetIgnoreModel, scope: 'owner' },
  { name: 'budgetMappings', model: BudgetMappingModel, scope: 'owner' },
  { name: 'budgetKeptPairs', model: BudgetKeptPairModel, scope: 'owner' },
  { name: 'budgetMerges', model: BudgetMergeModel, scope: 'owner' },
];

import { modelSource } from '../../ml/index/sources.ts';
import { BudgetLineModel } from './lines/model.ts';

/**
 * Vendor, label and notes are found by search. A line charged to a project stays its owner's
 * alone, so its project is not the search scope (that would show it to every member).
 */
export const budgetSearch = modelSource({
  kind: 'budget',
  model: BudgetLineModel,
  events: ['budgetLine.created', 'budgetLine.updated', 'budgetLine.deleted'],
  projectOf: () => null,
  title: (doc) => `${String(doc.vendor)} ${String(doc.date)}`.trim(),
  text: (doc) => [doc.label, doc.notes].filter(Boolean).map(String).join('\n'),
  target: (doc) => `/budget?line=${String(doc._id)}`,
});

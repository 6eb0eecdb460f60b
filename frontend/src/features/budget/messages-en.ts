import type { BudgetMessages } from './messages-fr.ts';

/** Strings of the Budget tab in English, key for key with messages-fr.ts. */
export const en: BudgetMessages = {
  title: 'Budget',
  views: 'Budget views',
  lines: 'Lines',
  importTab: 'Import',
  reviewTab: 'Review',
  summaryTab: 'Summary',
};

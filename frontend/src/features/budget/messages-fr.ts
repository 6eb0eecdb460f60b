/** Strings of the Budget tab, loaded with its page (i18n/namespaces.ts). */
export const fr = {
  title: 'Budget',
  views: 'Vues du budget',
  lines: 'Lignes',
  importTab: 'Import',
  reviewTab: 'Vérifier',
  summaryTab: 'Synthèse',
};
export type BudgetMessages = typeof fr;

import { lazyScreen } from '../../lib/lazy-screen.ts';
import type { FeatureDefinition } from '../../app/registry.ts';

export const budgetFeature: FeatureDefinition = {
  id: 'budget',
  path: '/budget',
  icon: 'file',
  title: 'budget.title',
  shortcut: 'b',
  component: lazyScreen(() => import('./budget-page.tsx')),
  commands: [
    {
      id: 'budget.new',
      title: 'budget.new',
      icon: 'plus',
      keywords: ['expense', 'dépense', 'budget', 'ligne'],
      perform: ({ navigate }) => navigate('/budget?new'),
    },
    {
      id: 'budget.import',
      title: 'budget.import',
      icon: 'upload',
      keywords: ['bank', 'banque', 'relevé', 'csv', 'ofx', 'qif', 'camt', 'xlsx'],
      perform: ({ navigate }) => navigate('/budget/import'),
    },
    {
      id: 'budget.review',
      title: 'budget.review',
      icon: 'tasks',
      keywords: ['duplicate', 'doublon', 'vérifier', 'review'],
      perform: ({ navigate }) => navigate('/budget/review'),
    },
  ],
  shortcuts: [
    { keys: 'c', title: 'budget.new' },
    { keys: 'j', title: 'budget.keys.next' },
    { keys: 'k', title: 'budget.keys.previous' },
    { keys: 'x', title: 'budget.keys.select' },
    { keys: 'e', title: 'budget.keys.edit' },
    { keys: 'd', title: 'budget.keys.keepBoth' },
    { keys: 'f', title: 'budget.keys.merge' },
    { keys: 'i', title: 'budget.keys.ignore' },
    { keys: 's', title: 'budget.keys.swap' },
  ],
  events: () => import('./budget-cache.ts').then((m) => m.budgetEvents),
};

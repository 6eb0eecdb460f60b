import { lazyScreen } from '../../lib/lazy-screen.ts';
import type { FeatureDefinition } from '../../app/registry.ts';

// Keywords only where the title alone would not be found (English words, file formats): this file is in the initial load.
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
      keywords: ['expense'],
      perform: ({ navigate }) => navigate('/budget?new'),
    },
    {
      id: 'budget.import',
      title: 'budget.import',
      icon: 'upload',
      keywords: ['bank', 'csv', 'ofx'],
      perform: ({ navigate }) => navigate('/budget/import'),
    },
    {
      id: 'budget.review',
      title: 'budget.review',
      icon: 'tasks',
      keywords: ['duplicate'],
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

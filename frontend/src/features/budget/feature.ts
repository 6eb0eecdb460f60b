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
  palette: () => import('./palette.ts').then((m) => m.palette),
  events: () => import('./budget-cache.ts').then((m) => m.budgetEvents),
};

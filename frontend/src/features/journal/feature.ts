import { lazyScreen } from '../../lib/lazy-screen.ts';
import type { FeatureDefinition } from '../../app/registry.ts';

export const journalFeature: FeatureDefinition = {
  id: 'journal',
  path: '/journal',
  icon: 'note',
  title: 'journal.title',
  shortcut: 'j',
  component: lazyScreen(() => import('./journal-page.tsx')),
  palette: () => import('./palette.ts').then((m) => m.palette),
  events: () => import('./journal-cache.ts').then((m) => m.journalEvents),
};

import { lazyScreen } from '../../lib/lazy-screen.ts';
import type { FeatureDefinition } from '../../app/registry.ts';

export const journalFeature: FeatureDefinition = {
  id: 'journal',
  path: '/journal',
  icon: 'note',
  title: 'journal.title',
  shortcut: 'j',
  component: lazyScreen(() => import('./journal-page.tsx')),
  commands: [
    {
      id: 'journal.write',
      title: 'journal.write',
      icon: 'plus',
      keywords: ['log', 'journal', 'ligne', 'line', 'noter'],
      perform: ({ navigate }) => navigate('/journal'),
    },
  ],
  shortcuts: [{ keys: 'c', title: 'journal.write' }],
  events: () => import('./journal-cache.ts').then((m) => m.journalEvents),
};

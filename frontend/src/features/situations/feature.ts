import { lazyScreen } from '../../lib/lazy-screen.ts';
import type { FeatureDefinition } from '../../app/registry.ts';

export const situationsFeature: FeatureDefinition = {
  id: 'situations',
  path: '/situations',
  icon: 'chat',
  title: 'situations.title',
  shortcut: 's',
  component: lazyScreen(() => import('./situations-page.tsx')),
  commands: [
    {
      id: 'situations.new',
      title: 'situations.new',
      icon: 'plus',
      keywords: ['situation', 'acteurs', 'actors', 'entretien', 'interview', 'plan'],
      perform: ({ navigate }) => navigate('/situations/new'),
    },
  ],
  shortcuts: [
    { keys: 'c', title: 'situations.new' },
    { keys: 'j', title: 'situations.next' },
    { keys: 'k', title: 'situations.previous' },
  ],
  events: () => import('./situation-cache.ts').then((m) => m.situationEvents),
};

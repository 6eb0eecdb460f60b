import { lazyScreen } from '../../lib/lazy-screen.ts';
import type { FeatureDefinition } from '../../app/registry.ts';

// `p` is Projets': Personnes takes the next free letter.
export const peopleFeature: FeatureDefinition = {
  id: 'people',
  path: '/people',
  icon: 'user',
  title: 'people.title',
  shortcut: 'q',
  component: lazyScreen(() => import('./people-page.tsx')),
  palette: () => import('./palette.ts').then((m) => m.palette),
  events: () => import('./people-cache.ts').then((m) => m.peopleEvents),
};

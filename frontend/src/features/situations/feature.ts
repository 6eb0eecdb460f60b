import { lazyScreen } from '../../lib/lazy-screen.ts';
import type { FeatureDefinition } from '../../app/registry.ts';

export const situationsFeature: FeatureDefinition = {
  id: 'situations',
  path: '/situations',
  icon: 'chat',
  title: 'situations.title',
  shortcut: 's',
  component: lazyScreen(() => import('./situations-page.tsx')),
  palette: () => import('./palette.ts').then((m) => m.palette),
  events: () => import('./situation-cache.ts').then((m) => m.situationEvents),
};

import { lazyScreen } from '../../lib/lazy-screen.ts';
import type { FeatureDefinition } from '../../app/registry.ts';

/** The dashboard tab. Its id and path stay `home`: the URL people bookmark and the start tab stored in their preferences. */
export const dashboardFeature: FeatureDefinition = {
  id: 'home',
  path: '/home',
  icon: 'home',
  title: 'home.title',
  shortcut: 'h',
  component: lazyScreen(() => import('./dashboard-page.tsx')),
};

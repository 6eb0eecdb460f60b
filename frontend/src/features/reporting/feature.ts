import { lazyScreen } from '../../lib/lazy-screen.ts';
import type { FeatureDefinition } from '../../app/registry.ts';

// `r` is taken; Panorama's Rapport goes to `o` (Overview).
export const reportingFeature: FeatureDefinition = {
  id: 'reporting',
  path: '/reporting',
  icon: 'tasks',
  title: 'reporting.title',
  shortcut: 'o',
  component: lazyScreen(() => import('./reporting-page.tsx')),
  palette: () => import('./palette.ts').then((m) => m.palette),
};

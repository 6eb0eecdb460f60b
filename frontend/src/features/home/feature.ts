import { lazy } from 'react';
import type { FeatureDefinition } from '../../app/registry.ts';

export const homeFeature: FeatureDefinition = {
  id: 'home',
  path: '/home',
  icon: 'home',
  title: 'home.title',
  shortcut: 'h',
  component: lazy(() => import('./home-page.tsx')),
  events: () => import('./dashboard-cache.ts').then((m) => m.dashboardEvents),
};

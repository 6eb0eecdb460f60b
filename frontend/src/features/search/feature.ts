import { lazy } from 'react';
import type { FeatureDefinition } from '../../app/registry.ts';

export const searchFeature: FeatureDefinition = {
  id: 'search',
  path: '/search',
  icon: 'search',
  title: 'search.title',
  shortcut: 'r',
  component: lazy(() => import('./search-page.tsx')),
};

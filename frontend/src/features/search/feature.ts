import { lazy } from 'react';
import { lazyScreen } from '../../lib/lazy-screen.ts';
import type { FeatureDefinition } from '../../app/registry.ts';

export const searchFeature: FeatureDefinition = {
  id: 'search',
  path: '/search',
  icon: 'search',
  title: 'search.title',
  shortcut: 'r',
  component: lazyScreen(() => import('./search-page.tsx')),
  // Content search in the palette: its hook, highlights and strings come with the first query.
  paletteSection: lazy(() => import('./palette-content.tsx')),
  // The search engine's status brings its own strings and queries: loaded with Préférences, after it.
  preferencesPanels: [lazy(() => import('./ai-status-panel.tsx'))],
};

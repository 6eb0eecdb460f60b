import { lazy } from 'react';
import { lazyScreen } from '../../lib/lazy-screen.ts';
import type { FeatureDefinition } from '../../app/registry.ts';

export const projectsFeature: FeatureDefinition = {
  id: 'projects',
  path: '/projects',
  icon: 'folder',
  title: 'projects.title',
  shortcut: 'p',
  component: lazyScreen(() => import('./projects-page.tsx')),
  palette: () => import('./palette.ts').then((m) => m.palette),
  replica: () => import('./project-replica.ts').then((m) => [m.projectReplica]),
  // Préférences → Import (administrators): a Panorama archive brings projects and all that hangs on them.
  preferencesPanels: [lazy(() => import('./panorama-import/panel.tsx'))],
};

import { lazy } from 'react';
import { lazyScreen } from '../../lib/lazy-screen.ts';
import type { FeatureDefinition } from '../../app/registry.ts';

export const filesFeature: FeatureDefinition = {
  id: 'files',
  path: '/files',
  icon: 'file',
  title: 'files.title',
  shortcut: 'f',
  component: lazyScreen(() => import('./files-page.tsx')),
  palette: () => import('./palette.ts').then((m) => m.palette),
  projectSections: [{ id: 'files', order: 40, component: lazy(() => import('./project-section.tsx')) }],
  events: () => import('./file-cache.ts').then((m) => m.fileEvents),
};

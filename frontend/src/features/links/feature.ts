import { lazy } from 'react';
import { lazyScreen } from '../../lib/lazy-screen.ts';
import type { FeatureDefinition } from '../../app/registry.ts';

export const linksFeature: FeatureDefinition = {
  id: 'links',
  path: '/links',
  icon: 'link',
  title: 'links.title',
  shortcut: 'l',
  component: lazyScreen(() => import('./links-page.tsx')),
  palette: () => import('./palette.ts').then((m) => m.palette),
  projectSections: [{ id: 'links', order: 30, component: lazy(() => import('./project-section.tsx')) }],
  replica: () => import('./link-replica.ts').then((m) => [m.linkReplica]),
};

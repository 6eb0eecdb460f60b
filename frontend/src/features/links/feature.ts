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
  commands: [
    {
      id: 'links.new',
      title: 'links.newLink',
      icon: 'plus',
      keywords: ['url', 'bookmark', 'favori'],
      perform: ({ navigate }) => navigate('/links?new'),
    },
  ],
  shortcuts: [
    { keys: 'c', title: 'links.newLink' },
    { keys: 'e', title: 'links.editKey' },
    { keys: 'Mod+Enter', title: 'links.saveKey' },
  ],
  projectSections: [{ id: 'links', order: 30, component: lazy(() => import('./project-section.tsx')) }],
  replica: () => import('./link-replica.ts').then((m) => [m.linkReplica]),
};

import { lazy } from 'react';
import { lazyScreen } from '../../lib/lazy-screen.ts';
import type { FeatureDefinition } from '../../app/registry.ts';

export const tasksFeature: FeatureDefinition = {
  id: 'tasks',
  path: '/tasks',
  icon: 'tasks',
  title: 'tasks.title',
  shortcut: 't',
  component: lazyScreen(() => import('./tasks-page.tsx')),
  palette: () => import('./palette.ts').then((m) => m.palette),
  projectSections: [{ id: 'tasks', order: 10, component: lazy(() => import('./project-section.tsx')) }],
  replica: () => import('./task-replica.ts').then((m) => [m.taskReplica]),
};

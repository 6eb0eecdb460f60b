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
  commands: [
    {
      id: 'tasks.new',
      title: 'tasks.new',
      icon: 'plus',
      keywords: ['task', 'todo', 'tache', 'ajouter'],
      perform: ({ navigate }) => navigate('/tasks?new'),
    },
    {
      id: 'tasks.eisenhower',
      title: 'tasks.eisenhower',
      icon: 'tasks',
      keywords: ['matrix', 'urgent', 'important', 'priorites'],
      perform: ({ navigate }) => navigate('/tasks?view=matrix'),
    },
  ],
  projectSections: [{ id: 'tasks', order: 10, component: lazy(() => import('./project-section.tsx')) }],
  replica: () => import('./task-replica.ts').then((m) => [m.taskReplica]),
  shortcuts: [
    { keys: 'c', title: 'tasks.new' },
    { keys: 'e', title: 'tasks.keys.edit' },
    { keys: 'x', title: 'tasks.keys.select' },
    { keys: 'd', title: 'tasks.keys.deadline' },
    { keys: 'j', title: 'tasks.keys.next' },
    { keys: 'k', title: 'tasks.keys.previous' },
    { keys: 'Mod+Enter', title: 'tasks.keys.save' },
  ],
};

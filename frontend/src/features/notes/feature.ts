import { lazy } from 'react';
import { lazyScreen } from '../../lib/lazy-screen.ts';
import type { FeatureDefinition } from '../../app/registry.ts';

export const notesFeature: FeatureDefinition = {
  id: 'notes',
  path: '/notes',
  icon: 'note',
  title: 'notes.title',
  shortcut: 'n',
  component: lazyScreen(() => import('./notes-page.tsx')),
  palette: () => import('./palette.ts').then((m) => m.palette),
  projectSections: [{ id: 'notes', order: 20, component: lazy(() => import('./project-section.tsx')) }],
  events: () => import('./note-cache.ts').then((m) => m.noteEvents),
  replica: () => import('./note-cache.ts').then((m) => [m.noteReplica, m.sessionReplica]),
};

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
  commands: [
    {
      id: 'notes.new',
      title: 'notes.new',
      icon: 'plus',
      keywords: ['note', 'markdown', 'ecrire'],
      perform: ({ navigate }) => navigate('/notes/new'),
    },
    {
      id: 'notes.newSession',
      title: 'notes.newSession',
      icon: 'plus',
      keywords: ['session', 'meeting', 'reunion', 'lignes'],
      perform: ({ navigate }) => navigate('/notes/sessions/new'),
    },
  ],
  shortcuts: [
    { keys: 'c', title: 'notes.new' },
    { keys: 'e', title: 'notes.edit' },
  ],
  projectSections: [{ id: 'notes', order: 20, component: lazy(() => import('./project-section.tsx')) }],
  events: () => import('./note-cache.ts').then((m) => m.noteEvents),
  replica: () => import('./note-cache.ts').then((m) => [m.noteReplica, m.sessionReplica]),
};

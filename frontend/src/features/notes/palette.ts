import type { FeaturePalette } from '../../app/registry.ts';

/** The palette's commands and the cheat sheet's keys of this tab: loaded by those two only. */
export const palette: FeaturePalette = {
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
};

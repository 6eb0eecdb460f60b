import type { FeaturePalette } from '../../app/registry.ts';

/** The palette's commands and the cheat sheet's keys of this tab: loaded by those two only. */
export const palette: FeaturePalette = {
  commands: [
    {
      id: 'situations.new',
      title: 'situations.new',
      icon: 'plus',
      keywords: ['situation', 'acteurs', 'actors', 'entretien', 'interview', 'plan'],
      perform: ({ navigate }) => navigate('/situations/new'),
    },
  ],
  shortcuts: [
    { keys: 'c', title: 'situations.new' },
    { keys: 'j', title: 'situations.next' },
    { keys: 'k', title: 'situations.previous' },
  ],
};

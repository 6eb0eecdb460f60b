import type { FeaturePalette } from '../../app/registry.ts';

/** The palette's commands and the cheat sheet's keys of this tab: loaded by those two only. */
export const palette: FeaturePalette = {
  commands: [
    {
      id: 'journal.write',
      title: 'journal.write',
      icon: 'plus',
      keywords: ['log', 'journal', 'ligne', 'line', 'noter'],
      perform: ({ navigate }) => navigate('/journal'),
    },
  ],
  shortcuts: [{ keys: 'c', title: 'journal.write' }],
};

import type { FeaturePalette } from '../../app/registry.ts';

/** The palette's commands and the cheat sheet's keys of this tab: loaded by those two only. */
export const palette: FeaturePalette = {
  commands: [
    {
      id: 'projects.new',
      title: 'projects.new',
      icon: 'plus',
      keywords: ['project', 'projet', 'create'],
      perform: ({ navigate }) => navigate('/projects?new'),
    },
  ],
  shortcuts: [{ keys: 'c', title: 'projects.new' }],
};

import type { FeaturePalette } from '../../app/registry.ts';

/** The palette's commands and the cheat sheet's keys of this tab: loaded by those two only. */
export const palette: FeaturePalette = {
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
};

import type { FeaturePalette } from '../../app/registry.ts';

/** The palette's commands and the cheat sheet's keys of this tab: loaded by those two only. */
export const palette: FeaturePalette = {
  commands: [
    {
      id: 'chat.newDirect',
      title: 'chat.newDirect',
      icon: 'plus',
      keywords: ['chat', 'message', 'discussion', 'contact'],
      perform: ({ navigate }) => navigate('/chat/new'),
    },
  ],
};

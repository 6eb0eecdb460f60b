import type { FeaturePalette } from '../../app/registry.ts';

/** The palette's commands and the cheat sheet's keys of this tab: loaded by those two only. */
export const palette: FeaturePalette = {
  commands: [
    {
      id: 'alarms.new',
      title: 'alarms.new',
      icon: 'bell',
      keywords: ['alarm', 'reveil', 'rappel', 'reminder', 'demain', 'tomorrow'],
      perform: ({ navigate }) => navigate('/alarms?new=1'),
    },
  ],
  shortcuts: [
    { keys: 'c', title: 'alarms.new' },
    { keys: 'e', title: 'alarms.edit' },
  ],
};

import type { FeaturePalette } from '../../app/registry.ts';

/** The palette's commands and the cheat sheet's keys of this tab: loaded by those two only. */
export const palette: FeaturePalette = {
  commands: [
    {
      id: 'calendar.new',
      title: 'calendar.new',
      icon: 'plus',
      keywords: ['event', 'événement', 'rendez-vous', 'meeting', 'réunion', 'agenda'],
      perform: ({ navigate }) => navigate('/calendar?new'),
    },
    {
      id: 'calendar.today',
      title: 'calendar.today',
      icon: 'calendar',
      keywords: ['today', 'aujourd’hui', 'agenda', 'semaine', 'week'],
      perform: ({ navigate }) => navigate('/calendar'),
    },
  ],
  shortcuts: [
    { keys: 'ArrowLeft', title: 'calendar.previous' },
    { keys: 'ArrowRight', title: 'calendar.next' },
    { keys: 't', title: 'calendar.today' },
    { keys: 'c', title: 'calendar.new' },
  ],
};

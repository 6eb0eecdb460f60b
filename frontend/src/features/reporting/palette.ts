import type { FeaturePalette } from '../../app/registry.ts';

/** The palette's commands and the cheat sheet's keys of this tab: loaded by those two only. */
export const palette: FeaturePalette = {
  commands: [
    {
      id: 'reporting.importTasks',
      title: 'reporting.importTasks',
      icon: 'upload',
      keywords: ['import', 'texte', 'text', 'tâches', 'tasks', 'ia', 'ai'],
      perform: ({ navigate }) => navigate('/reporting?import'),
    },
  ],
};

import type { FeaturePalette } from '../../app/registry.ts';

/** The palette's commands and the cheat sheet's keys of this tab: loaded by those two only. */
export const palette: FeaturePalette = {
  commands: [
    {
      id: 'tasks.new',
      title: 'tasks.new',
      icon: 'plus',
      keywords: ['task', 'todo', 'tache', 'ajouter'],
      perform: ({ navigate }) => navigate('/tasks?new'),
    },
    {
      id: 'tasks.eisenhower',
      title: 'tasks.eisenhower',
      icon: 'tasks',
      keywords: ['matrix', 'urgent', 'important', 'priorites'],
      perform: ({ navigate }) => navigate('/tasks?view=matrix'),
    },
  ],
  shortcuts: [
    { keys: 'c', title: 'tasks.new' },
    { keys: 'e', title: 'tasks.keys.edit' },
    { keys: 'x', title: 'tasks.keys.select' },
    { keys: 'd', title: 'tasks.keys.deadline' },
    { keys: 'j', title: 'tasks.keys.next' },
    { keys: 'k', title: 'tasks.keys.previous' },
    { keys: 'Mod+Enter', title: 'tasks.keys.save' },
  ],
};

import type { FeaturePalette } from '../../app/registry.ts';

/** The palette's commands and the cheat sheet's keys of this tab: loaded by those two only. */
export const palette: FeaturePalette = {
  commands: [
    {
      id: 'budget.new',
      title: 'budget.new',
      icon: 'plus',
      keywords: ['expense'],
      perform: ({ navigate }) => navigate('/budget?new'),
    },
    {
      id: 'budget.import',
      title: 'budget.import',
      icon: 'upload',
      keywords: ['bank', 'csv', 'ofx'],
      perform: ({ navigate }) => navigate('/budget/import'),
    },
    {
      id: 'budget.review',
      title: 'budget.review',
      icon: 'tasks',
      keywords: ['duplicate'],
      perform: ({ navigate }) => navigate('/budget/review'),
    },
  ],
  shortcuts: [
    { keys: 'c', title: 'budget.new' },
    { keys: 'j', title: 'budget.keys.next' },
    { keys: 'k', title: 'budget.keys.previous' },
    { keys: 'x', title: 'budget.keys.select' },
    { keys: 'e', title: 'budget.keys.edit' },
    { keys: 'd', title: 'budget.keys.keepBoth' },
    { keys: 'f', title: 'budget.keys.merge' },
    { keys: 'i', title: 'budget.keys.ignore' },
    { keys: 's', title: 'budget.keys.swap' },
  ],
};

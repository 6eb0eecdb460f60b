import type { FeaturePalette } from '../../app/registry.ts';

/** The palette's commands and the cheat sheet's keys of this tab: loaded by those two only. */
export const palette: FeaturePalette = {
  commands: [
    {
      id: 'people.new',
      title: 'people.new',
      icon: 'plus',
      keywords: ['person', 'personne', 'contact', 'collègue', 'colleague'],
      perform: ({ navigate }) => navigate('/people?new'),
    },
    {
      id: 'people.import',
      title: 'people.import',
      icon: 'upload',
      keywords: ['google', 'workspace', 'csv', 'import', 'people', 'personnes'],
      perform: ({ navigate }) => navigate('/people?import'),
    },
    {
      id: 'people.orgChart',
      title: 'people.orgChart',
      icon: 'user',
      keywords: ['org chart', 'organigramme', 'manager', 'hiérarchie'],
      perform: ({ navigate }) => navigate('/people?view=org'),
    },
  ],
  shortcuts: [{ keys: 'c', title: 'people.new' }],
};

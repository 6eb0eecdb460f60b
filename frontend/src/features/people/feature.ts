import { lazyScreen } from '../../lib/lazy-screen.ts';
import type { FeatureDefinition } from '../../app/registry.ts';

// `p` is Projets': Personnes takes the next free letter.
export const peopleFeature: FeatureDefinition = {
  id: 'people',
  path: '/people',
  icon: 'user',
  title: 'people.title',
  shortcut: 'q',
  component: lazyScreen(() => import('./people-page.tsx')),
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
  events: () => import('./people-cache.ts').then((m) => m.peopleEvents),
};

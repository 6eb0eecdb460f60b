import { lazyScreen } from '../../lib/lazy-screen.ts';
import type { FeatureDefinition } from '../../app/registry.ts';

export const projectsFeature: FeatureDefinition = {
  id: 'projects',
  path: '/projects',
  icon: 'folder',
  title: 'projects.title',
  shortcut: 'p',
  component: lazyScreen(() => import('./projects-page.tsx')),
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
  replica: () => import('./project-replica.ts').then((m) => [m.projectReplica]),
};

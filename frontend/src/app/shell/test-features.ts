import { lazyScreen } from '../../lib/lazy-screen.ts';
import type { FeatureDefinition } from '../registry.ts';

/** A tab as a feature declares it, for the shell's tests: G L opens it, its screen answers `c`. */
export const aLinksTab: FeatureDefinition = {
  id: 'links',
  path: '/links',
  icon: 'link',
  title: 'links.title',
  shortcut: 'l',
  component: lazyScreen(() => Promise.resolve({ default: () => null })),
  palette: () =>
    Promise.resolve({
      commands: [{ id: 'links.new', title: 'links.newLink', perform: () => undefined }],
      shortcuts: [{ keys: 'c', title: 'links.newLink' }],
    }),
};

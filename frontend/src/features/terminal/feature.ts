import { lazy } from 'react';
import { lazyScreen } from '../../lib/lazy-screen.ts';
import type { FeatureDefinition } from '../../app/registry.ts';

/**
 * The desktop app's own tab (a shell on this computer, and its memory, processes and disks); a
 * browser shows why it is not there. The desktop app's other screens live here too: its first-run
 * server choice (main.tsx, desktop only) and its Préférences panel.
 */
export const terminalFeature: FeatureDefinition = {
  id: 'terminal',
  path: '/terminal',
  icon: 'command',
  title: 'terminal.title',
  component: lazyScreen(() => import('./terminal-page.tsx')),
  preferencesPanels: [lazy(() => import('./desktop-preferences.tsx'))],
};

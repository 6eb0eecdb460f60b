import { lazy } from 'react';
import { lazyScreen } from '../../lib/lazy-screen.ts';
import type { FeatureDefinition } from '../../app/registry.ts';

export const alarmsFeature: FeatureDefinition = {
  id: 'alarms',
  path: '/alarms',
  icon: 'bell',
  title: 'alarms.title',
  shortcut: 'a',
  component: lazyScreen(() => import('./alarms-page.tsx')),
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
  events: () => import('./alarm-cache.ts').then((m) => m.alarmEvents),
  dashboardSections: [{ id: 'alarms', order: 15, component: lazy(() => import('./dashboard-section.tsx')) }],
  overlay: lazy(() => import('./ringing-dialog.tsx')),
  queryCommands: lazy(() => import('./palette-quick-entry.tsx')),
};

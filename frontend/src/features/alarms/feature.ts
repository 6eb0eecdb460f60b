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
  palette: () => import('./palette.ts').then((m) => m.palette),
  events: () => import('./alarm-cache.ts').then((m) => m.alarmEvents),
  dashboardSections: [{ id: 'alarms', order: 15, component: lazy(() => import('./dashboard-section.tsx')) }],
  overlay: lazy(() => import('./ringing-dialog.tsx')),
  queryCommands: lazy(() => import('./palette-quick-entry.tsx')),
};

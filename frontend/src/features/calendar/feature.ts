import { lazy } from 'react';
import { lazyScreen } from '../../lib/lazy-screen.ts';
import type { FeatureDefinition } from '../../app/registry.ts';

// `c` is a single key on every tab (create): Calendrier takes `d`.
export const calendarFeature: FeatureDefinition = {
  id: 'calendar',
  path: '/calendar',
  icon: 'calendar',
  title: 'calendar.title',
  shortcut: 'd',
  component: lazyScreen(() => import('./calendar-page.tsx')),
  palette: () => import('./palette.ts').then((m) => m.palette),
  events: () =>
    Promise.all([import('./calendar-cache.ts'), import('./subscriptions/subscription-cache.ts')]).then(
      ([calendar, subscriptions]) => ({
        ...calendar.calendarEvents,
        ...subscriptions.subscriptionEvents,
      }),
    ),
  // Subscriptions and the private feed (its address regenerable there), loaded with Préférences.
  preferencesPanels: [lazy(() => import('./subscriptions/panel.tsx'))],
};

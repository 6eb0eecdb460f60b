import type { Dashboard } from '@panoramix/contracts';
import { useQuery } from '@tanstack/react-query';
import { routes } from 'virtual:panoramix/contracts';
import { call } from '../../api/client.ts';
import { dashboardKeys } from './dashboard-cache.ts';

export type ActivityWindow = Dashboard['window'];

/** The overview in one call; live events invalidate it (dashboard-cache.ts). */
export function useDashboard(window: ActivityWindow) {
  return useQuery({
    queryKey: dashboardKeys.window(window),
    queryFn: ({ signal }) => call(routes.dashboard.get, { query: { window }, signal }),
    placeholderData: (previous) => previous, // switching the window keeps the page on screen
  });
}

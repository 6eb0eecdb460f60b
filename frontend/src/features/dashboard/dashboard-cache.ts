import type { QueryClient } from '@tanstack/react-query';
import type { EventAppliers } from '../../api/event-appliers.ts';

export const dashboardKeys = {
  all: ['dashboard'] as const,
  window: (window: string) => ['dashboard', window] as const,
};

/**
 * The dashboard is computed by the server (counts, overdue, portfolio, activity): any change to
 * projects, tasks or notes makes it refetch — only if it is on screen; otherwise it is marked
 * stale and fetched fresh when the tab opens.
 */
const refresh = (queryClient: QueryClient) => void queryClient.invalidateQueries({ queryKey: dashboardKeys.all });

const types = [
  'project.created',
  'project.updated',
  'project.deleted',
  'task.created',
  'task.updated',
  'task.deleted',
  'note.created',
  'note.updated',
  'note.deleted',
] as const;

export const dashboardEvents: EventAppliers = Object.fromEntries(types.map((type) => [type, refresh]));

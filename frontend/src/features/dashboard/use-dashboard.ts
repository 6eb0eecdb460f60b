import type { Dashboard } from '@panoramix/contracts';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { routes } from 'virtual:panoramix/contracts';
import { call } from '../../api/client.ts';
import { useReplica } from '../../api/replica/use-replica.ts';
import { localDashboard } from './local-dashboard.ts';

export type ActivityWindow = Dashboard['window'];

const MINUTE_MS = 60_000;

/** The current time, a new value each minute: tasks fall overdue while the page stays open. */
function useMinute() {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), MINUTE_MS);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * The overview computed from the replicated projects, tasks, notes and sessions: opening the tab
 * or switching the window sends nothing, and every live change shows at once. GET /api/dashboard
 * still answers the same for the other clients (Android, MCP).
 */
export function useDashboard(window: ActivityWindow) {
  const now = useMinute();
  const projects = useReplica('projects');
  const tasks = useReplica('tasks');
  const notes = useReplica('notes');
  const noteSessions = useReplica('noteSessions');
  const collections = [projects, tasks, notes, noteSessions];
  const data = useMemo(
    () =>
      projects.data && tasks.data && notes.data && noteSessions.data
        ? localDashboard(
            { projects: projects.data, tasks: tasks.data, notes: notes.data, noteSessions: noteSessions.data },
            window,
            now,
          )
        : undefined,
    [projects.data, tasks.data, notes.data, noteSessions.data, window, now],
  );
  // A first start (nothing in IndexedDB) paints from the server's answer, one small round trip,
  // instead of waiting for the live connection and the four snapshots (1,000 tasks: seconds on a
  // phone). It is not kept current: the replica's computation replaces it as soon as it is whole.
  const first = useQuery({
    queryKey: ['dashboard', 'first-paint', window],
    queryFn: ({ signal }) => call(routes.dashboard.get, { query: { window }, signal }),
    enabled: data === undefined,
    // Read before the socket connects (data-provider.tsx holds the rest), and not again when it does:
    // nothing relies on it staying current.
    networkMode: 'always',
    meta: { catchUp: false },
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
  const shown = data ?? first.data;
  return {
    data: shown,
    isPending: shown === undefined && collections.some((c) => c.isPending),
    error: shown === undefined ? (collections.find((c) => c.error)?.error ?? null) : null,
    refetch: () => {
      for (const collection of collections) if (collection.error) void collection.refetch();
    },
  };
}

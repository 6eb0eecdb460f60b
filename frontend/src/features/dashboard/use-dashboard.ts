import type { Dashboard } from '@panoramix/contracts';
import { useEffect, useMemo, useState } from 'react';
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
  return {
    data,
    isPending: collections.some((c) => c.isPending),
    error: collections.find((c) => c.error)?.error ?? null,
    refetch: () => {
      for (const collection of collections) if (collection.error) void collection.refetch();
    },
  };
}

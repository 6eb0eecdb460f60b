import type { Dashboard } from '@panoramix/contracts';
import { useQuery } from '@tanstack/react-query';
import { keys } from 'idb-keyval';
import { useEffect, useMemo, useState } from 'react';
import { routes } from 'virtual:panoramix/contracts';
import { call } from '../../api/client.ts';
import { queryClient } from '../../api/query-client.ts';
import { snapshotsWaitFor } from '../../api/replica/first-paint.ts';
import { store as replicaStore } from '../../api/replica/replica-persist.ts';
import { useReplica } from '../../api/replica/use-replica.ts';
import { localDashboard } from './local-dashboard.ts';

export type ActivityWindow = Dashboard['window'];
/** The window Accueil opens with. */
export const DEFAULT_WINDOW: ActivityWindow = '7d';

/** The server's overview of a window, the stand-in of a first start (see useDashboard). */
const firstPaint = (window: ActivityWindow) => ({
  queryKey: ['dashboard', 'first-paint', window] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) => call(routes.dashboard.get, { query: { window }, signal }),
  // Read before the socket connects (data-provider.tsx holds the rest), and not again when it does.
  networkMode: 'always' as const,
  meta: { catchUp: false },
});

// A first start (nothing saved in IndexedDB) asks its stand-in as this chunk loads, not from Accueil's
// first render: on a phone (4× CPU) that render's effect came 0.7 s later (bench/src/lighthouse.bench.ts).
// The replica's snapshots wait for it (first-paint.ts).
void Promise.resolve()
  .then(() => keys(replicaStore()))
  .then(
    (saved) => {
      if (saved.length === 0) snapshotsWaitFor(queryClient.prefetchQuery({ ...firstPaint(DEFAULT_WINDOW), retry: false }));
    },
    () => undefined, // no IndexedDB (a private window): the page asks as before
  );

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
    ...firstPaint(window),
    enabled: data === undefined,
    // Nothing relies on it staying current; the chunk's early read above is not asked again on mount.
    staleTime: 30_000,
    gcTime: 0,
    retry: false,
  });
  // The same overview as before (the replica's computation agreeing with the server's answer, a change
  // elsewhere in the replica) is the same object: the page does not render its sections again for it.
  const latest = data ?? first.data;
  const fingerprint = latest === undefined ? undefined : JSON.stringify({ ...latest, generatedAt: undefined });
  const shown = useMemo(() => latest, [fingerprint]);
  return {
    data: shown,
    isPending: shown === undefined && collections.some((c) => c.isPending),
    error: shown === undefined ? (collections.find((c) => c.error)?.error ?? null) : null,
    refetch: () => {
      for (const collection of collections) if (collection.error) void collection.refetch();
    },
  };
}

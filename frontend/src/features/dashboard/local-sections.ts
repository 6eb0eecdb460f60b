import type { Dashboard, NoteSummary, Project, Task } from '@panoramix/contracts';
import { dashboardLimits, deadlineBounds, isDueSoon, isOverdue } from '@panoramix/contracts/dashboard-rules';
import { taskStatuses } from 'virtual:panoramix/contracts';

/**
 * The dashboard's task, note and activity sections computed from the local replica, by the
 * server's rules (backend/src/modules/tasks/dashboard.ts, notes/dashboard.ts, dashboard/activity.ts):
 * same filters, order and limits, so the page shows what GET /api/dashboard would answer.
 * Ids are ObjectIds in lowercase hex, dates ISO 8601 UTC: both order as plain strings, as the server's sort does.
 */
export const ascending = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function taskCounts(tasks: readonly Task[]): Dashboard['taskCounts'] {
  const counts = Object.fromEntries(taskStatuses.map((status) => [status, 0])) as Dashboard['taskCounts'];
  for (const task of tasks) counts[task.status] += 1;
  return counts;
}

/** Earliest deadline first, then by id; at most 20. */
const byDeadline = (tasks: Task[]) =>
  tasks.sort((a, b) => ascending(a.deadline!, b.deadline!) || ascending(a.id, b.id)).slice(0, dashboardLimits.deadlineTasks);

export function overdueTasks(tasks: readonly Task[], now: Date) {
  const bounds = deadlineBounds(now);
  return byDeadline(tasks.filter((t) => isOverdue(t, bounds)));
}

export function dueSoonTasks(tasks: readonly Task[], now: Date) {
  const bounds = deadlineBounds(now);
  return byDeadline(tasks.filter((t) => isDueSoon(t, bounds)));
}

/** Last edited first (ties: the newer id first); at most 8. */
export const recentNotes = (notes: readonly NoteSummary[]): Dashboard['recentNotes'] =>
  [...notes]
    .sort((a, b) => ascending(b.updatedAt, a.updatedAt) || ascending(b.id, a.id))
    .slice(0, dashboardLimits.recentNotes)
    .map(({ id, title, projectId, updatedAt }) => ({ id, title, projectId, updatedAt }));

type ActivityItem = Dashboard['activity'][number];

/** Projects created, tasks done and notes written since `since`; newest first, at most 50. */
export function activity(
  source: { projects: readonly Project[]; tasks: readonly Task[]; notes: readonly NoteSummary[] },
  since: Date,
): Dashboard['activity'] {
  const from = since.toISOString();
  const items: ActivityItem[] = [
    ...source.projects
      .filter((p) => p.createdAt >= from)
      .map((p) => ({ kind: 'project.created' as const, id: p.id, title: p.name, projectId: p.id, at: p.createdAt })),
    ...source.tasks
      .filter((t) => t.status === 'done' && t.statusChangedAt >= from)
      .map((t) => ({ kind: 'task.done' as const, id: t.id, title: t.title, projectId: t.projectId, at: t.statusChangedAt })),
    ...source.notes
      .filter((n) => n.createdAt >= from)
      .map((n) => ({ kind: 'note.created' as const, id: n.id, title: n.title, projectId: n.projectId, at: n.createdAt })),
  ];
  return items.sort((a, b) => ascending(b.at, a.at) || ascending(b.id, a.id)).slice(0, dashboardLimits.activity);
}

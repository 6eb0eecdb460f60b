// No Zod here: the web client bundles this file as it is (see package.json exports). The server's
// dashboard queries and the web client's local copy of the dashboard read the same rules from here,
// so the two cannot drift apart.
import type { Dashboard } from './dashboard.ts';
import type { Task, TaskStatus } from './tasks.ts';

/** Open = still to do: not done, cancelled or a mere idea. */
export const openStatuses = ['todo', 'in_progress'] as const satisfies readonly TaskStatus[];
export const isOpen = (task: Pick<Task, 'status'>) => (openStatuses as readonly TaskStatus[]).includes(task.status);

export const DAY_MS = 86_400_000;
/** "Due soon" is a rolling window from now, not calendar days: the same instants in every time zone. */
export const DUE_SOON_DAYS = 3;
/** A project with no activity for this long is dormant (unless it is younger than that). */
export const DORMANT_AFTER_DAYS = 14;
/** The notes that raise a project's health score: those written in the last 7 days. */
export const RECENT_NOTES_DAYS = 7;

/** How many items each section shows at most. */
export const dashboardLimits = { deadlineTasks: 20, recentNotes: 8, projects: 100, activity: 50 } as const;

export const activityWindowMs: Record<Dashboard['window'], number> = { '24h': DAY_MS, '7d': 7 * DAY_MS };

/**
 * The instants the deadline rules compare with, once per computation rather than a date parsed per
 * task: as ISO 8601 UTC strings with milliseconds, the form the server writes every date in, which
 * order as the instants do.
 */
export const deadlineBounds = (now: Date) => ({
  now: now.toISOString(),
  dueSoonEnd: new Date(now.getTime() + DUE_SOON_DAYS * DAY_MS).toISOString(),
});
export type DeadlineBounds = ReturnType<typeof deadlineBounds>;

/** An open task whose deadline has passed. */
export const isOverdue = (task: Pick<Task, 'status' | 'deadline'>, bounds: DeadlineBounds) =>
  isOpen(task) && task.deadline !== null && task.deadline < bounds.now;

/** An open task due between now and DUE_SOON_DAYS from now, both included. */
export const isDueSoon = (task: Pick<Task, 'status' | 'deadline'>, bounds: DeadlineBounds) =>
  isOpen(task) && task.deadline !== null && task.deadline >= bounds.now && task.deadline <= bounds.dueSoonEnd;

/** Panorama's health score: 100 − 8 × overdue − 20 when dormant + min(20, 2 × notes of the last 7 days), within 0..100. */
export const healthScore = (overdue: number, dormant: boolean, notesLast7Days: number) =>
  Math.max(0, Math.min(100, 100 - 8 * overdue - (dormant ? 20 : 0) + Math.min(20, 2 * notesLast7Days)));

/** Dormant: created and last active more than DORMANT_AFTER_DAYS ago. */
export function isDormant(createdAt: Date, lastActivityAt: Date, now: Date) {
  const before = now.getTime() - DORMANT_AFTER_DAYS * DAY_MS;
  return createdAt.getTime() < before && lastActivityAt.getTime() < before;
}

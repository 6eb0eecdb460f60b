import type { Task, TaskStatus } from '@panoramix/contracts';

const DAY_MS = 86_400_000;
const OPEN: readonly TaskStatus[] = ['todo', 'in_progress'];

/** What the Tâches tab shows; part of the list's query key, so each filter has its own cached page. */
export interface TaskFilter {
  /** A project id, 'none' for inbox tasks, or '' for all. */
  projectId: string;
  status: 'open' | 'all' | TaskStatus;
  due: 'any' | 'overdue' | 'week';
}

export const defaultFilter: TaskFilter = { projectId: '', status: 'open', due: 'any' };

export const isOpen = (task: Pick<Task, 'status'>) => OPEN.includes(task.status);

/** Sunday 23:59:59.999 of the current (Monday-first) week, in the device's time zone. */
export function endOfWeek(now: Date): Date {
  const end = new Date(now);
  end.setHours(23, 59, 59, 999);
  end.setDate(end.getDate() + ((7 - end.getDay()) % 7));
  return end;
}

/** The list route's query for a filter: the server filters, this page only shows. */
export function toQuery(filter: TaskFilter, now = new Date()) {
  return {
    limit: 200,
    projectId: filter.projectId || undefined,
    status: filter.status === 'open' ? OPEN.join(',') : filter.status === 'all' ? undefined : filter.status,
    overdue: filter.due === 'overdue' ? ('true' as const) : undefined,
    dueWithinDays: filter.due === 'week' ? Math.ceil((endOfWeek(now).getTime() - now.getTime()) / DAY_MS) : undefined,
  };
}

/**
 * Whether a task belongs in a filtered list — the server's rules, applied to live events so a
 * task created or changed elsewhere joins or leaves the lists it (no longer) matches.
 */
export function matchesFilter(filter: TaskFilter, task: Task, now = new Date()): boolean {
  if (filter.projectId === 'none' ? task.projectId !== null : filter.projectId && task.projectId !== filter.projectId) {
    return false;
  }
  if (filter.status === 'open' ? !isOpen(task) : filter.status !== 'all' && task.status !== filter.status) return false;
  if (filter.due === 'any') return true;
  if (!isOpen(task) || !task.deadline) return false;
  const deadline = new Date(task.deadline).getTime();
  return filter.due === 'overdue' ? deadline < now.getTime() : deadline >= now.getTime() && deadline <= endOfWeek(now).getTime();
}

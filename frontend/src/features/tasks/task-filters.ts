import type { Task, TaskStatus } from '@panoramix/contracts';
import { isOpen } from '@panoramix/contracts/dashboard-rules';

/** What the Tâches tab shows, applied to the tasks of the replica (the address keeps it: see tasks-page.tsx). */
export interface TaskFilter {
  /** A project id, 'none' for inbox tasks, or '' for all. */
  projectId: string;
  status: 'open' | 'all' | TaskStatus;
  due: 'any' | 'overdue' | 'week';
  /** 'me': the tasks assigned to me. */
  assignee?: 'any' | 'me';
}

export const defaultFilter: TaskFilter = { projectId: '', status: 'open', due: 'any', assignee: 'any' };

/** Sunday 23:59:59.999 of the current (Monday-first) week, in the device's time zone. */
export function endOfWeek(now: Date): Date {
  const end = new Date(now);
  end.setHours(23, 59, 59, 999);
  end.setDate(end.getDate() + ((7 - end.getDay()) % 7));
  return end;
}

/** Whether a task belongs in a filtered list: the list route's rules, so the tab and the API agree. */
export function matchesFilter(filter: TaskFilter, task: Task, now = new Date(), me?: string): boolean {
  if (filter.assignee === 'me' && task.assigneeId !== me) return false;
  if (filter.projectId === 'none' ? task.projectId !== null : filter.projectId && task.projectId !== filter.projectId) {
    return false;
  }
  if (filter.status === 'open' ? !isOpen(task) : filter.status !== 'all' && task.status !== filter.status) return false;
  if (filter.due === 'any') return true;
  if (!isOpen(task) || !task.deadline) return false;
  const deadline = new Date(task.deadline).getTime();
  return filter.due === 'overdue' ? deadline < now.getTime() : deadline >= now.getTime() && deadline <= endOfWeek(now).getTime();
}

import type { Task } from '@panoramix/contracts';
import { isOpen } from '@panoramix/contracts/dashboard-rules';

export const quadrantIds = ['doFirst', 'schedule', 'delegate', 'eliminate'] as const;
export type QuadrantId = (typeof quadrantIds)[number];

/** The flags each quadrant stands for: dropping a task in a quadrant sets them. */
export const quadrantFlags: Record<QuadrantId, Pick<Task, 'isUrgent' | 'isImportant'>> = {
  doFirst: { isUrgent: true, isImportant: true },
  schedule: { isUrgent: false, isImportant: true },
  delegate: { isUrgent: true, isImportant: false },
  eliminate: { isUrgent: false, isImportant: false },
};

export const quadrantOf = (task: Pick<Task, 'isUrgent' | 'isImportant'>): QuadrantId =>
  task.isUrgent ? (task.isImportant ? 'doFirst' : 'delegate') : task.isImportant ? 'schedule' : 'eliminate';

const time = (iso: string | null) => (iso ? new Date(iso).getTime() : Number.POSITIVE_INFINITY);

/** Panorama's order inside a quadrant: nearest deadline first (none last), then in progress, then oldest. */
export function byUrgency(a: Task, b: Task): number {
  return (
    time(a.deadline) - time(b.deadline) ||
    Number(b.status === 'in_progress') - Number(a.status === 'in_progress') ||
    a.createdAt.localeCompare(b.createdAt)
  );
}

/** Open tasks in the four urgent × important quadrants, from their stored flags only. */
export function groupByQuadrant(tasks: readonly Task[]): Record<QuadrantId, Task[]> {
  const groups: Record<QuadrantId, Task[]> = { doFirst: [], schedule: [], delegate: [], eliminate: [] };
  for (const task of tasks) if (isOpen(task)) groups[quadrantOf(task)].push(task);
  for (const id of quadrantIds) groups[id].sort(byUrgency);
  return groups;
}

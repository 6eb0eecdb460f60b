import { DAY_MS, RECENT_NOTES_DAYS, dashboardLimits, healthScore, isDormant } from '@panoramix/contracts';
import type { Types } from 'mongoose';
import { noteFacts } from '../notes/dashboard.ts';
import type { NoteFact } from '../notes/dashboard.ts';
import { isDueSoon, isOverdue, taskFacts } from '../tasks/dashboard.ts';
import type { TaskFact } from '../tasks/dashboard.ts';
import type { DashboardSection } from './service.ts';

interface ProjectCounts {
  open: number;
  done: number;
  overdue: number;
  dueSoon: number;
  recentNotes: number;
}

/** Per project, from the dashboard's shared reads: no query of its own. */
function countByProject(tasks: TaskFact[], notes: NoteFact[], now: Date) {
  const counts = new Map<string, ProjectCounts>();
  const of = (projectId: Types.ObjectId) => {
    let entry = counts.get(String(projectId));
    if (!entry) counts.set(String(projectId), (entry = { open: 0, done: 0, overdue: 0, dueSoon: 0, recentNotes: 0 }));
    return entry;
  };
  for (const task of tasks) {
    if (!task.projectId) continue;
    const entry = of(task.projectId);
    if (task.open) entry.open += 1;
    if (task.status === 'done') entry.done += 1;
    if (isOverdue(task, now)) entry.overdue += 1;
    if (isDueSoon(task, now)) entry.dueSoon += 1;
  }
  const recentSince = now.getTime() - RECENT_NOTES_DAYS * DAY_MS;
  for (const note of notes) if (note.projectId && note.createdAt.getTime() >= recentSince) of(note.projectId).recentNotes += 1;
  return counts;
}

const none: ProjectCounts = { open: 0, done: 0, overdue: 0, dueSoon: 0, recentNotes: 0 };

export const projects: DashboardSection<'projects'> = async (ctx) => {
  const { now } = ctx;
  const [all, tasks, notes] = await Promise.all([ctx.projects, taskFacts(ctx), noteFacts(ctx)]);
  const counts = countByProject(tasks, notes, now);
  return all.slice(0, dashboardLimits.projects).map((p) => {
    const id = String(p._id);
    const { open, done, overdue, dueSoon, recentNotes } = counts.get(id) ?? none;
    const lastActivityAt = p.lastActivityAt ?? p.createdAt;
    return {
      id,
      name: p.name,
      colorLabel: p.colorLabel ?? null,
      healthFlag: p.healthFlag ?? null,
      open,
      done,
      overdue,
      dueSoon,
      progress: open + done === 0 ? 0 : done / (open + done),
      lastActivityAt: lastActivityAt.toISOString(),
      healthScore: healthScore(overdue, isDormant(p.createdAt, lastActivityAt, now), recentNotes),
    };
  });
};

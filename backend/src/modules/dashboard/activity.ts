import { dashboardLimits } from '@panoramix/contracts';
import type { Dashboard } from '@panoramix/contracts';
import type { Types } from 'mongoose';
import { idOrNull } from '../../lib/dto.ts';
import { noteFacts } from '../notes/dashboard.ts';
import { doneInWindow } from '../tasks/dashboard.ts';
import type { DashboardSection } from './service.ts';

const LIMIT = dashboardLimits.activity;
type Item = Dashboard['activity'][number];

/** What happened in the window: projects created, tasks done, notes written; newest first. From the shared reads. */
export const activity: DashboardSection<'activity'> = async (ctx) => {
  const { since } = ctx;
  const [allProjects, tasks, allNotes] = await Promise.all([ctx.projects, doneInWindow(ctx), noteFacts(ctx)]);
  const projects = allProjects.filter((p) => p.createdAt >= since);
  const notes = allNotes.filter((n) => n.createdAt >= since);
  return activityItems(projects, tasks, notes).slice(0, LIMIT);
};

interface Facts {
  projects: readonly { _id: Types.ObjectId; name: string; createdAt: Date }[];
  tasks: readonly { _id: Types.ObjectId; title: string; projectId?: Types.ObjectId | null; statusChangedAt: Date }[];
  notes: readonly { _id: Types.ObjectId; title: string; projectId?: Types.ObjectId | null; createdAt: Date }[];
}

/** Projects created, tasks done and notes written as one feed, newest first (Accueil and Rapport). */
export function activityItems(projects: Facts['projects'], tasks: Facts['tasks'], notes: Facts['notes']): Item[] {
  const items: Item[] = [
    ...projects.map((p) => ({
      kind: 'project.created' as const,
      id: String(p._id),
      title: p.name,
      projectId: String(p._id),
      at: p.createdAt.toISOString(),
    })),
    ...tasks.map((t) => ({
      kind: 'task.done' as const,
      id: String(t._id),
      title: t.title,
      projectId: idOrNull(t.projectId),
      at: t.statusChangedAt.toISOString(),
    })),
    ...notes.map((n) => ({
      kind: 'note.created' as const,
      id: String(n._id),
      title: n.title,
      projectId: idOrNull(n.projectId),
      at: n.createdAt.toISOString(),
    })),
  ];
  return items.sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id));
}

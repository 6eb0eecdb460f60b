import { dashboardLimits } from '@panoramix/contracts';
import type { Dashboard } from '@panoramix/contracts';
import { idOrNull } from '../../lib/dto.ts';
import { NoteModel } from '../notes/model.ts';
import { contentFilter, visibleProjects } from '../../sharing/access.ts';
import { ProjectModel } from '../projects/model.ts';
import { TaskModel } from '../tasks/model.ts';
import type { DashboardSection } from './service.ts';

const LIMIT = dashboardLimits.activity;
type Item = Dashboard['activity'][number];

/** What happened in the window: projects created, tasks done, notes written; newest first. */
export const activity: DashboardSection<'activity'> = async ({ actor, since }) => {
  const visible = await contentFilter(actor);
  const [projects, tasks, notes] = await Promise.all([
    ProjectModel.find({ ...visibleProjects(actor), createdAt: { $gte: since } }, { name: 1, createdAt: 1 })
      .sort({ createdAt: -1 })
      .limit(LIMIT)
      .lean(),
    TaskModel.find(
      { $and: [visible, { status: 'done', statusChangedAt: { $gte: since } }] },
      { title: 1, projectId: 1, statusChangedAt: 1 },
    )
      .sort({ statusChangedAt: -1 })
      .limit(LIMIT)
      .lean(),
    NoteModel.find({ $and: [visible, { createdAt: { $gte: since } }] }, { title: 1, projectId: 1, createdAt: 1 })
      .sort({ createdAt: -1 })
      .limit(LIMIT)
      .lean(),
  ]);
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
  return items.sort((a, b) => b.at.localeCompare(a.at)).slice(0, LIMIT);
};

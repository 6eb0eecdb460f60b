import {
  DAY_MS,
  DUE_SOON_DAYS,
  RECENT_NOTES_DAYS,
  dashboardLimits,
  healthScore,
  isDormant,
  openStatuses,
} from '@panoramix/contracts';
import type { Types } from 'mongoose';
import { NoteModel } from '../notes/model.ts';
import { visibleProjects } from '../../sharing/access.ts';
import { ProjectModel } from '../projects/model.ts';
import type { ProjectDoc } from '../projects/model.ts';
import { TaskModel } from '../tasks/model.ts';
import type { DashboardSection } from './service.ts';

/** Counts per project id, from a `$group` by project. */
async function countByProject(model: typeof TaskModel | typeof NoteModel, match: Record<string, unknown>) {
  const groups = await model.aggregate<{ _id: Types.ObjectId; n: number }>([
    { $match: match },
    { $group: { _id: '$projectId', n: { $sum: 1 } } },
  ]);
  return new Map(groups.map((g) => [String(g._id), g.n]));
}

export const projects: DashboardSection<'projects'> = async ({ actor, now }) => {
  const list = await ProjectModel.find(visibleProjects(actor))
    .sort({ rank: 1, _id: 1 })
    .limit(dashboardLimits.projects)
    .lean<ProjectDoc[]>();
  const ids = list.map((p) => p._id);
  const inProjects = { projectId: { $in: ids } };
  const open = { ...inProjects, status: { $in: openStatuses } };
  const [openCounts, doneCounts, overdueCounts, dueSoonCounts, notesCounts] = await Promise.all([
    countByProject(TaskModel, open),
    countByProject(TaskModel, { ...inProjects, status: 'done' }),
    countByProject(TaskModel, { ...open, deadline: { $ne: null, $lt: now } }),
    countByProject(TaskModel, { ...open, deadline: { $gte: now, $lte: new Date(now.getTime() + DUE_SOON_DAYS * DAY_MS) } }),
    countByProject(NoteModel, { ...inProjects, createdAt: { $gte: new Date(now.getTime() - RECENT_NOTES_DAYS * DAY_MS) } }),
  ]);
  return list.map((p) => {
    const id = String(p._id);
    const [openN, doneN, overdue] = [openCounts.get(id) ?? 0, doneCounts.get(id) ?? 0, overdueCounts.get(id) ?? 0];
    const lastActivityAt = p.lastActivityAt ?? p.createdAt;
    return {
      id,
      name: p.name,
      colorLabel: p.colorLabel ?? null,
      healthFlag: p.healthFlag ?? null,
      open: openN,
      done: doneN,
      overdue,
      dueSoon: dueSoonCounts.get(id) ?? 0,
      progress: openN + doneN === 0 ? 0 : doneN / (openN + doneN),
      lastActivityAt: lastActivityAt.toISOString(),
      healthScore: healthScore(overdue, isDormant(p.createdAt, lastActivityAt, now), notesCounts.get(id) ?? 0),
    };
  });
};

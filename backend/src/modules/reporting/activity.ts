import { REPORT_MAX_ITEMS, reportWindowMs } from '@panoramix/contracts';
import type { Report, ReportWindow } from '@panoramix/contracts';
import { Types } from 'mongoose';
import type { AuthUser } from '../../http/auth-guard.ts';
import { ONE_BATCH } from '../../lib/filters.ts';
import { readMemberProjects } from '../../sharing/access.ts';
import { activityItems } from '../dashboard/activity.ts';
import { NoteModel } from '../notes/model.ts';
import { TaskModel } from '../tasks/model.ts';

export interface ReportFilter {
  window: ReportWindow;
  include?: string[] | undefined;
  exclude?: string[] | undefined;
}

type Item = Report['items'][number];

/**
 * Panorama's `reporting.recentActivity`: projects created, tasks done (status done, changed within
 * the window) and notes created, among what the caller sees. `include` keeps only those projects
 * (unfiled items then leave too), `exclude` drops some; ids the caller is not a member of match nothing.
 */
export async function recentActivity(actor: AuthUser, filter: ReportFilter, now = new Date()): Promise<Report> {
  const since = filter.window === 'all' ? null : new Date(now.getTime() - reportWindowMs[filter.window]);
  const include = filter.include?.length ? new Set(filter.include) : null;
  const exclude = new Set(filter.exclude ?? []);
  const projects = (await readMemberProjects<{ name: string; createdAt: Date }>(actor, { name: 1, createdAt: 1 })).filter(
    (p) => (!include || include.has(String(p._id))) && !exclude.has(String(p._id)),
  );
  const projectIds = projects.map((p) => p._id);
  const scope = include
    ? { projectId: { $in: projectIds } }
    : { $or: [{ userId: new Types.ObjectId(actor.id), projectId: null }, { projectId: { $in: projectIds } }] };
  const after = (field: string) => (since ? { [field]: { $gte: since } } : {});
  const [tasks, notes] = await Promise.all([
    TaskModel.find({ ...scope, status: 'done', ...after('statusChangedAt') }, { title: 1, projectId: 1, statusChangedAt: 1 })
      .batchSize(ONE_BATCH)
      .lean<{ _id: Types.ObjectId; title: string; projectId: Types.ObjectId | null; statusChangedAt: Date }[]>(),
    NoteModel.find({ ...scope, ...after('createdAt') }, { title: 1, projectId: 1, createdAt: 1 })
      .batchSize(ONE_BATCH)
      .lean<{ _id: Types.ObjectId; title: string; projectId: Types.ObjectId | null; createdAt: Date }[]>(),
  ]);
  const created = projects.filter((p) => !since || p.createdAt >= since);
  const items: Item[] = activityItems(created, tasks, notes);
  return {
    window: filter.window,
    since: since?.toISOString() ?? null,
    items: items.slice(0, REPORT_MAX_ITEMS),
    truncated: items.length > REPORT_MAX_ITEMS,
  };
}

/** The projects' names by id, for the report's text. */
export async function projectNames(actor: AuthUser) {
  const projects = await readMemberProjects<{ name: string }>(actor, { name: 1 });
  return new Map(projects.map((p) => [String(p._id), p.name]));
}

import { Types } from 'mongoose';
import type { AuthUser } from '../../http/auth-guard.ts';
import { badRequest, notFound } from '../../http/problem.ts';
import { ProjectModel } from './model.ts';
import type { ProjectDoc } from './model.ts';

/**
 * The one place that decides who reaches project content (tasks, notes, sessions, lines):
 * its creator when it has no project, every member of its project otherwise.
 */
export const visibleProjects = (actor: AuthUser) => ({ memberIds: actor.id, deletingAt: null });

export async function memberProjectIds(actor: AuthUser): Promise<Types.ObjectId[]> {
  const rows = await ProjectModel.find(visibleProjects(actor), { _id: 1 }).lean();
  return rows.map((row) => row._id);
}

/**
 * Filter for content the caller may see: their own unfiled items and everything in their projects.
 * Ids are real ObjectIds because aggregation pipelines, unlike queries, are not cast by Mongoose.
 */
export async function contentFilter(actor: AuthUser) {
  return {
    $or: [{ userId: new Types.ObjectId(actor.id), projectId: null }, { projectId: { $in: await memberProjectIds(actor) } }],
  };
}

/** A project the caller is a member of, or 404 as if it did not exist. */
export async function findMemberProject(actor: AuthUser, projectId: string): Promise<ProjectDoc> {
  const project = await ProjectModel.findOne({ _id: projectId, ...visibleProjects(actor) }).lean<ProjectDoc>();
  if (!project) throw notFound('Project');
  return project;
}

/**
 * Checks a project named in a request body: an id that matches no project is a bad request
 * naming the field; a project the caller is not a member of answers 404.
 */
export async function requireProjectForContent(
  actor: AuthUser,
  projectId: string,
  field = 'body.projectId',
): Promise<ProjectDoc> {
  const exists = await ProjectModel.exists({ _id: projectId, deletingAt: null }).setOptions({ tenancy: 'system' });
  if (!exists) throw badRequest(`${field}: no such project`, [{ path: field, message: 'no such project' }]);
  return findMemberProject(actor, projectId);
}

/** Who receives the events of an item: its project's members, or its creator alone. */
export async function audienceOf(item: { userId: Types.ObjectId | string; projectId?: Types.ObjectId | string | null }) {
  if (!item.projectId) return [String(item.userId)];
  const project = await ProjectModel.findOne({ _id: item.projectId }, { memberIds: 1 }).setOptions({ tenancy: 'system' }).lean();
  return project ? project.memberIds.map(String) : [String(item.userId)];
}

/** Records activity in a project when its content changes. */
export async function touchProject(projectId: Types.ObjectId | string | null | undefined) {
  if (!projectId) return;
  await ProjectModel.updateOne({ _id: projectId }, { $set: { lastActivityAt: new Date() } }, { timestamps: false }).setOptions({
    tenancy: 'system',
  });
}

/** The list filter for `?projectId=`: a project of mine, or `'none'` for unfiled items. */
export async function projectScope(actor: AuthUser, projectId: string | undefined): Promise<Record<string, unknown>> {
  if (projectId === undefined) return {};
  if (projectId === 'none') return { projectId: null };
  return { projectId: (await findMemberProject(actor, projectId))._id };
}

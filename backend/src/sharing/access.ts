import { Types } from 'mongoose';
import type { AuthUser } from '../http/auth-guard.ts';
import { badRequest, notFound } from '../http/problem.ts';
import { ProjectModel } from '../modules/projects/model.ts';
import type { ProjectDoc } from '../modules/projects/model.ts';

/**
 * The one place that decides who reaches project content (tasks, notes, sessions, lines, files):
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

/** The list filter for `?projectId=`: a project of mine, or `'none'` for unfiled items. */
export async function projectScope(actor: AuthUser, projectId: string | undefined): Promise<Record<string, unknown>> {
  if (projectId === undefined) return {};
  if (projectId === 'none') return { projectId: null };
  return { projectId: (await findMemberProject(actor, projectId))._id };
}

type Id = Types.ObjectId | string;

/**
 * The members of a project, or null when `member` (if given) is not one of them or the project is
 * being deleted. A write (`touch`) records the project's activity in the same round trip: access,
 * activity and audience are one conditional `findOneAndUpdate`, whose filter decides (on FerretDB it
 * is not atomic, which a touch does not need).
 */
export async function projectAudience(projectId: Id, options: { member?: string; touch: boolean }) {
  const filter = { _id: projectId, deletingAt: null, ...(options.member ? { memberIds: options.member } : {}) };
  // The caller's membership, when it matters, is in the filter. No projection on the write: FerretDB v1 has none for findAndModify.
  const project = options.touch
    ? await ProjectModel.findOneAndUpdate(filter, { $set: { lastActivityAt: new Date() } }, { timestamps: false })
        .setOptions({ tenancy: 'system' })
        .lean()
    : await ProjectModel.findOne(filter, { memberIds: 1 }).setOptions({ tenancy: 'system' }).lean();
  return project ? project.memberIds.map(String) : null;
}

/**
 * Who will see an item written into `projectId` (named in a request at `field`), checked and
 * touched in one round trip; the caller alone for unfiled items. A project that does not exist and
 * one the caller is not a member of answer the same 400, so the answer tells nothing of others' projects.
 */
export async function enterProject(actor: AuthUser, projectId: Id | null | undefined, field = 'body.projectId') {
  if (!projectId) return [actor.id];
  const audience = await projectAudience(projectId, { member: actor.id, touch: true });
  if (!audience) throw badRequest(`${field}: no such project`, [{ path: field, message: 'no such project' }]);
  return audience;
}

/**
 * Who sees an item, when the caller is one of them: its project's members (the activity recorded
 * when `touch`), or its creator for an unfiled item; null when the caller may not reach it.
 */
export async function itemAudience(
  actor: AuthUser,
  item: { userId: Id; projectId?: Id | null | undefined },
  touch: boolean,
): Promise<string[] | null> {
  if (item.projectId) return projectAudience(item.projectId, { member: actor.id, touch });
  return String(item.userId) === actor.id ? [actor.id] : null;
}

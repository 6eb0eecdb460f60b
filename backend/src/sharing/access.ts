import { Types } from 'mongoose';
import type { UpdateQuery } from 'mongoose';
import type { AuthUser } from '../http/auth-guard.ts';
import { perRequest } from '../http/request-scope.ts';
import { badRequest, notFound } from '../http/problem.ts';
import { ONE_BATCH } from '../lib/filters.ts';
import { ProjectModel } from '../modules/projects/model.ts';
import type { ProjectDoc } from '../modules/projects/model.ts';

/**
 * The one place that decides who reaches project content (tasks, notes, sessions, lines, links, files):
 * its creator when it has no project, every member of its project otherwise.
 */
export const visibleProjects = (actor: AuthUser) => ({ memberIds: actor.id, deletingAt: null });

type Id = Types.ObjectId | string;

interface MemberProject {
  _id: Types.ObjectId;
  memberIds: Types.ObjectId[];
}

const memoKey = (actor: AuthUser) => `member-projects:${actor.id}`;

/**
 * The projects the caller reaches, with their members: read once per request (http/request-scope.ts),
 * so a list's scope, a write's audience and every dashboard section share one read.
 */
export const memberProjects = (actor: AuthUser): Promise<MemberProject[]> =>
  perRequest(memoKey(actor), () =>
    ProjectModel.find(visibleProjects(actor), { memberIds: 1 }).batchSize(ONE_BATCH).lean<MemberProject[]>().exec(),
  );

/**
 * The caller's projects with more `fields` (the dashboard's portfolio), in their order, in one read that
 * also serves `memberProjects` for the rest of the request, unless that was read already.
 */
export function readMemberProjects<T>(actor: AuthUser, fields: Record<string, 1>): Promise<(T & MemberProject)[]> {
  const rows = ProjectModel.find(visibleProjects(actor), { ...fields, memberIds: 1 })
    .batchSize(ONE_BATCH)
    .sort({ rank: 1, _id: 1 })
    .lean<(T & MemberProject)[]>()
    .exec();
  void perRequest<MemberProject[]>(memoKey(actor), () => rows);
  return rows;
}

export async function memberProjectIds(actor: AuthUser): Promise<Types.ObjectId[]> {
  return (await memberProjects(actor)).map((row) => row._id);
}

/** The members of one of the caller's projects (from the request's read), or null when it is not theirs. */
async function membersOf(actor: AuthUser, projectId: Id) {
  const project = (await memberProjects(actor)).find((row) => String(row._id) === String(projectId));
  return project ? project.memberIds.map(String) : null;
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
 * The list filter for `?projectId=`: a project of mine (checked against the request's read, else 404),
 * or `'none'` for my unfiled items. Flat equalities, which every backend can answer from an index.
 */
export async function projectScope(actor: AuthUser, projectId: string | undefined): Promise<Record<string, unknown>> {
  if (projectId === undefined) return {};
  if (projectId === 'none') return { userId: new Types.ObjectId(actor.id), projectId: null };
  if (!(await membersOf(actor, projectId))) throw notFound('Project');
  return { projectId: new Types.ObjectId(projectId) };
}

/** What a list shows the caller: `projectScope` when it names a project (access checked), else everything they see. */
export const listScope = async (actor: AuthUser, projectId: string | undefined) =>
  projectId === undefined ? contentFilter(actor) : projectScope(actor, projectId);

/**
 * The members of a project, or null when `member` (if given) is not one of them or the project is
 * being deleted, its activity recorded in the same round trip (writes call it): access, activity
 * and audience are one conditional `findOneAndUpdate`, whose filter decides (on FerretDB it is not
 * atomic, which a touch does not need). Reads take members from the request's read of the caller's projects.
 */
export async function projectAudience(projectId: Id, member?: string) {
  const project = await touchProject(projectId, member);
  return project ? project.memberIds.map(String) : null;
}

const reachable = (projectId: Id, member: string | undefined) => ({
  _id: projectId,
  deletingAt: null,
  ...(member ? { memberIds: member } : {}),
});

/** The touch: the project as it was before, or null. `also` adds to the write (a task's order-key bound). */
function touchProject(projectId: Id, member: string | undefined, also: UpdateQuery<ProjectDoc> = {}) {
  // The caller's membership, when it matters, is in the filter. No projection on the write: FerretDB v1 has none for findAndModify.
  return ProjectModel.findOneAndUpdate(
    reachable(projectId, member),
    { ...also, $set: { lastActivityAt: new Date() } },
    { timestamps: false },
  )
    .setOptions({ tenancy: 'system' })
    .lean<ProjectDoc>();
}

/** Records a change in several of the caller's projects (a bulk change) in one write. */
export const touchProjects = (actor: AuthUser, projectIds: readonly Id[]) =>
  ProjectModel.updateMany(
    { _id: { $in: projectIds }, ...visibleProjects(actor) },
    { $set: { lastActivityAt: new Date() } },
    { timestamps: false },
  );

/**
 * Who will see an item written into `projectId` (named in a request at `field`), checked and
 * touched in one round trip; the caller alone for unfiled items. A project that does not exist and
 * one the caller is not a member of answer the same 400, so the answer tells nothing of others' projects.
 */
export async function enterProject(actor: AuthUser, projectId: Id | null | undefined, field = 'body.projectId') {
  if (!projectId) return [actor.id];
  return (await enterProjectAs(actor, projectId, field)).audience;
}

/** `enterProject` into a project, answering with the project as it was before the write too; `also` joins the write. */
export async function enterProjectAs(actor: AuthUser, projectId: Id, field = 'body.projectId', also?: UpdateQuery<ProjectDoc>) {
  const project = await touchProject(projectId, actor.id, also);
  if (!project) throw badRequest(`${field}: no such project`, [{ path: field, message: 'no such project' }]);
  return { audience: project.memberIds.map(String), project };
}

/**
 * Who sees an item, when the caller is one of them: its project's members (the activity recorded
 * when `touch`; a read takes them from the request's read of the caller's projects), or its creator
 * for an unfiled item; null when the caller may not reach it.
 */
export async function itemAudience(
  actor: AuthUser,
  item: { userId: Id; projectId?: Id | null | undefined },
  touch: boolean,
): Promise<string[] | null> {
  if (item.projectId) return touch ? projectAudience(item.projectId, actor.id) : membersOf(actor, item.projectId);
  return String(item.userId) === actor.id ? [actor.id] : null;
}

import type { Project, ProjectMember } from '@panoramix/contracts';
import { Types } from 'mongoose';
import type { UpdateQuery } from 'mongoose';
import type { AuthUser } from '../../http/auth-guard.ts';
import { badRequest, conflict, forbidden, notFound } from '../../http/problem.ts';
import type { JobQueue } from '../../jobs/runner.ts';
import { after, sortOf, toPage } from '../../lib/pagination.ts';
import type { SortKey } from '../../lib/pagination.ts';
import type { EventBus } from '../../realtime/event-bus.ts';
import { UserModel } from '../users/model.ts';
import { idOrNull, isoOrNull, ownedBase } from '../../lib/dto.ts';
import { keyAfter } from '../../lib/order-keys.ts';
import { findMemberProject, visibleProjects } from '../../sharing/access.ts';
import { ProjectModel } from './model.ts';
import type { ProjectDoc } from './model.ts';

export const CASCADE_DELETE_JOB = 'projects.cascade-delete';

const byRank: SortKey = { field: 'rank', direction: 'asc' };

type People = ReadonlyMap<string, ProjectMember>;

export const toProjectDto = (p: ProjectDoc, people: People): Project => ({
  ...ownedBase(p),
  memberIds: p.memberIds.map(String),
  members: p.memberIds.flatMap((id) => people.get(String(id)) ?? []),
  name: p.name,
  description: p.description,
  status: p.status,
  targetDate: isoOrNull(p.targetDate),
  healthFlag: p.healthFlag ?? null,
  colorLabel: p.colorLabel ?? null,
  isFavorite: p.isFavorite,
  favoriteRank: p.favoriteRank ?? null,
  rank: p.rank,
});

type ProjectInput = Partial<Omit<Project, 'id' | 'userId' | 'memberIds' | 'createdAt' | 'updatedAt'>>;

const toFields = ({ targetDate, ...rest }: ProjectInput) => ({
  ...rest,
  ...(targetDate !== undefined ? { targetDate: targetDate ? new Date(targetDate) : null } : {}),
});

/** The projects as clients see them, with their members' names (one read for all of them). */
export async function toProjectDtos(projects: ProjectDoc[]): Promise<Project[]> {
  const ids = [...new Set(projects.flatMap((p) => p.memberIds.map(String)))];
  const users = await UserModel.find({ _id: { $in: ids } }, { username: 1, displayName: 1, avatarFileId: 1 }).lean();
  const people: People = new Map(
    users.map((u) => [
      String(u._id),
      { id: String(u._id), username: u.username, displayName: u.displayName, avatarFileId: idOrNull(u.avatarFileId) },
    ]),
  );
  return projects.map((p) => toProjectDto(p, people));
}
const toDto = async (project: ProjectDoc) => (await toProjectDtos([project]))[0]!;

export function createProjectService(deps: { events: EventBus; jobs: JobQueue }) {
  /** Tells the members, and answers with what they were told. */
  async function announce(type: 'project.created' | 'project.updated', project: ProjectDoc) {
    const data = await toDto(project);
    await deps.events.emit({ type, userId: String(project.userId), data, audience: project.memberIds.map(String) });
    return data;
  }

  async function list(actor: AuthUser, query: { limit: number; cursor?: string | undefined }) {
    const rows = await ProjectModel.find({ ...visibleProjects(actor), ...after(byRank, query.cursor) })
      .sort(sortOf(byRank))
      .limit(query.limit + 1)
      .lean<ProjectDoc[]>();
    const page = toPage(rows, query.limit, byRank, (row) => row);
    return { ...page, items: await toProjectDtos(page.items) };
  }

  const get = async (actor: AuthUser, id: string) => toDto(await findMemberProject(actor, id));

  async function create(actor: AuthUser, input: ProjectInput & { name: string }) {
    // New projects go last in the caller's portfolio.
    const last = await ProjectModel.findOne(visibleProjects(actor), { rank: 1 }).sort({ rank: -1 }).lean<{ rank: string }>();
    const _id = new Types.ObjectId();
    const rank = input.rank ?? keyAfter(last?.rank, _id);
    const created = await ProjectModel.create({ _id, ...toFields(input), rank, userId: actor.id, memberIds: [actor.id] });
    return announce('project.created', created.toObject() as ProjectDoc);
  }

  async function updateVisible(actor: AuthUser, id: string, update: UpdateQuery<ProjectDoc>) {
    const updated = await ProjectModel.findOneAndUpdate({ _id: id, ...visibleProjects(actor) }, update, {
      returnDocument: 'after',
    }).lean<ProjectDoc>();
    if (!updated) throw notFound('Project');
    return announce('project.updated', updated);
  }

  const update = (actor: AuthUser, id: string, patch: ProjectInput) => updateVisible(actor, id, { $set: toFields(patch) });

  async function requireOwner(actor: AuthUser, id: string) {
    const project = await findMemberProject(actor, id);
    if (String(project.userId) !== actor.id) throw forbidden('Only the owner of the project can do this');
    return project;
  }

  async function addMember(actor: AuthUser, id: string, username: string) {
    await requireOwner(actor, id);
    const member = await UserModel.findOne({ username, disabled: false }, { _id: 1 }).lean();
    if (!member) throw badRequest('body.username: no such user', [{ path: 'body.username', message: 'no such user' }]);
    return updateVisible(actor, id, { $addToSet: { memberIds: member._id } });
  }

  /** The owner removes anyone but themselves; a member may remove themselves (leave). */
  async function removeMember(actor: AuthUser, id: string, userId: string) {
    const project = await findMemberProject(actor, id);
    const isOwner = String(project.userId) === actor.id;
    if (!isOwner && userId !== actor.id) throw forbidden('Only the owner of the project can remove other members');
    if (userId === String(project.userId)) throw conflict('The owner cannot leave the project; delete it instead');
    if (!project.memberIds.some((m) => String(m) === userId)) throw notFound('Member');
    const updated = await updateVisible(actor, id, { $pull: { memberIds: userId } });
    await deps.events.emit({ type: 'project.deleted', userId: actor.id, data: { id }, audience: [userId] });
    return updated;
  }

  /**
   * Deletion is a durable job: the job is queued first (so a crash after this point still
   * deletes everything), then the project disappears for its members at once.
   */
  async function remove(actor: AuthUser, id: string) {
    const project = await requireOwner(actor, id);
    await deps.jobs.now(CASCADE_DELETE_JOB, { projectId: id });
    await ProjectModel.updateOne({ _id: id, userId: actor.id }, { $set: { deletingAt: new Date() } });
    await deps.events.emit({ type: 'project.deleted', userId: actor.id, data: { id }, audience: project.memberIds.map(String) });
    return { id };
  }

  return { list, get, create, update, addMember, removeMember, remove };
}

export type ProjectService = ReturnType<typeof createProjectService>;

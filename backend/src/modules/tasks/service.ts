import { openStatuses } from '@panoramix/contracts';
import type { Task, TaskStatus } from '@panoramix/contracts';
import { Types } from 'mongoose';
import type { AuthUser } from '../../http/auth-guard.ts';
import type { SortKey } from '../../lib/pagination.ts';
import type { EventBus } from '../../realtime/event-bus.ts';
import { isoOrNull, projectContentBase } from '../../lib/dto.ts';
import { contentFilter, enterProject, memberProjects, touchProjects } from '../../sharing/access.ts';
import { deletedFromProject, projectContent } from '../../sharing/content.ts';
import { TaskModel } from './model.ts';
import { rankOnTop } from './rank.ts';
import type { TaskDoc } from './model.ts';

const byRank: SortKey = { field: 'rank', direction: 'asc' };
const DAY_MS = 86_400_000;

export const toTaskDto = (t: TaskDoc): Task => ({
  ...projectContentBase(t),
  title: t.title,
  notes: t.notes,
  status: t.status,
  statusChangedAt: t.statusChangedAt.toISOString(),
  deadline: isoOrNull(t.deadline),
  isUrgent: t.isUrgent,
  isImportant: t.isImportant,
  rank: t.rank,
  tags: t.tags,
});

type TaskInput = Partial<Omit<Task, 'id' | 'userId' | 'statusChangedAt' | 'createdAt' | 'updatedAt'>>;

/** Tags are kept once each, compared case-insensitively, in their first spelling. */
export function dedupeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  return tags.filter((tag) => !seen.has(tag.toLowerCase()) && seen.add(tag.toLowerCase()));
}

const toFields = ({ deadline, tags, ...rest }: TaskInput) => ({
  ...rest,
  ...(deadline !== undefined ? { deadline: deadline ? new Date(deadline) : null } : {}),
  ...(tags !== undefined ? { tags: dedupeTags(tags) } : {}),
});

/** `?status=`: the open statuses exactly are `open: true`, an equality; any other set stays an `$in`. */
function statusFilter(statuses: TaskStatus[]) {
  const open = new Set<string>(openStatuses);
  const asked = new Set<string>(statuses);
  const isOpenSet = asked.size === open.size && [...asked].every((status) => open.has(status));
  return isOpenSet ? { open: true } : { status: { $in: statuses } };
}

export interface TaskListQuery {
  limit: number;
  cursor?: string | undefined;
  projectId?: string | undefined;
  status?: TaskStatus[] | undefined;
  overdue?: boolean | undefined;
  dueWithinDays?: number | undefined;
}

export function createTaskService(deps: { events: EventBus }) {
  const content = projectContent({
    model: TaskModel,
    entity: 'task',
    label: 'Task',
    toDto: toTaskDto,
    deletedData: deletedFromProject,
    events: deps.events,
  });

  async function list(actor: AuthUser, query: TaskListQuery) {
    const now = new Date();
    const clauses: Record<string, unknown>[] = [];
    if (query.status) clauses.push(statusFilter(query.status));
    if (query.overdue) clauses.push({ open: true, deadline: { $lt: now } });
    if (query.dueWithinDays !== undefined) {
      clauses.push({ open: true, deadline: { $gte: now, $lte: new Date(now.getTime() + query.dueWithinDays * DAY_MS) } });
    }
    return content.list(actor, query, byRank, clauses);
  }

  async function create(actor: AuthUser, input: TaskInput & { title: string }) {
    const audience = await enterProject(actor, input.projectId);
    const _id = new Types.ObjectId();
    const list = input.projectId ? { projectId: input.projectId } : { userId: actor.id, projectId: null };
    const rank = input.rank ?? (await rankOnTop(list, _id));
    return content.create(actor, { _id, ...toFields(input), rank, statusChangedAt: new Date() }, audience);
  }

  async function update(actor: AuthUser, id: string, patch: TaskInput) {
    const current = await content.findWritable(actor, id);
    const { audience } = await content.target(actor, current, patch.projectId);
    const statusChanged = patch.status !== undefined && patch.status !== current.doc.status;
    const fields = { ...toFields(patch), ...(statusChanged ? { statusChangedAt: new Date() } : {}) };
    return toTaskDto(await content.save(actor, current, { $set: fields }, audience));
  }

  const remove = (actor: AuthUser, id: string) => content.remove(actor, id);

  /**
   * A constant number of commands however many tasks: the caller's projects (read once, with their
   * members: the audiences), one update, one read of what it changed, one touch of their projects,
   * and the search queue entries of every event in one write (the indexer batches what is emitted together).
   */
  async function bulkComplete(actor: AuthUser, ids: string[]) {
    const now = new Date();
    const selected = { _id: { $in: ids.map((id) => new Types.ObjectId(id)) }, ...(await contentFilter(actor)) };
    await TaskModel.updateMany({ ...selected, status: { $ne: 'done' } }, { $set: { status: 'done', statusChangedAt: now } });
    // What this request completed: a task done before (or by another request) has another statusChangedAt.
    const updated = await TaskModel.find({ ...selected, status: 'done', statusChangedAt: now }).lean<TaskDoc[]>();
    const projectIds = [...new Set(updated.flatMap((task) => (task.projectId ? [String(task.projectId)] : [])))];
    if (projectIds.length > 0) await touchProjects(actor, projectIds);
    const members = new Map((await memberProjects(actor)).map((p) => [String(p._id), p.memberIds.map(String)]));
    const audienceOf = (task: TaskDoc) => (task.projectId ? members.get(String(task.projectId)) : undefined) ?? [actor.id];
    await Promise.all(updated.map((task) => content.announce('updated', task, audienceOf(task))));
    return { updated: updated.map(toTaskDto) };
  }

  const removeProjectContent = (projectId: string) => TaskModel.deleteMany({ projectId });

  return { list, get: content.get, create, update, remove, bulkComplete, removeProjectContent };
}

export type TaskService = ReturnType<typeof createTaskService>;

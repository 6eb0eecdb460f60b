import { DAY_MS, openStatuses } from '@panoramix/contracts';
import type { Task, TaskStatus } from '@panoramix/contracts';
import { Types } from 'mongoose';
import type { AuthUser } from '../../http/auth-guard.ts';
import type { SortKey } from '../../lib/pagination.ts';
import type { EventBus } from '../../realtime/event-bus.ts';
import { idOrNull, isoOrNull, projectContentBase } from '../../lib/dto.ts';
import { contentFilter, enterProjectAs, memberProjects, touchProjects } from '../../sharing/access.ts';
import { deletedFromProject, projectContent } from '../../sharing/content.ts';
import { assigneeAfter, dedupeTags } from './fields.ts';
import { taskBulk } from './bulk.ts';
import { TaskModel } from './model.ts';
import { promote } from './promote.ts';
import { lowerTopRank, lowerTopRanksOf, rankOnTopOfInbox, rankOnTopOfProject } from './rank.ts';
import { keepDeleted } from './trash.ts';
import type { TaskDoc } from './model.ts';

const byRank: SortKey = { field: 'rank', direction: 'asc' };

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
  assigneeId: idOrNull(t.assigneeId),
  estimate: t.estimate ?? null,
  actual: t.actual ?? null,
  source: t.source?.kind ? { kind: t.source.kind, ids: t.source.ids.map(String) } : null,
});

type TaskInput = Partial<Omit<Task, 'id' | 'userId' | 'statusChangedAt' | 'createdAt' | 'updatedAt'>>;

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
  assigneeId?: string | undefined;
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
  const writes = { content, events: deps.events, toDto: toTaskDto };

  async function list(actor: AuthUser, query: TaskListQuery) {
    const now = new Date();
    const clauses: Record<string, unknown>[] = [];
    if (query.status) clauses.push(statusFilter(query.status));
    if (query.overdue) clauses.push({ open: true, deadline: { $lt: now } });
    if (query.dueWithinDays !== undefined) {
      clauses.push({ open: true, deadline: { $gte: now, $lte: new Date(now.getTime() + query.dueWithinDays * DAY_MS) } });
    }
    if (query.assigneeId) clauses.push({ assigneeId: new Types.ObjectId(query.assigneeId) });
    return content.list(actor, query, byRank, clauses);
  }

  /**
   * In a project: the touch (access, audience, the project's order-key bound), the insert, its search queue entry.
   * `_id` is given by a caller whose key decides duplicates (journal suggestions): a taken one fails the insert.
   */
  async function create(actor: AuthUser, input: TaskInput & { title: string }, _id = new Types.ObjectId()) {
    const fields = { _id, ...toFields(input), statusChangedAt: new Date() };
    const assigned = (audience: string[]) => assigneeAfter(null, input.assigneeId, audience, 'body.assigneeId');
    if (!input.projectId) {
      assigned([actor.id]);
      const rank = input.rank ?? (await rankOnTopOfInbox(actor.id, _id));
      const task = await content.create(actor, { ...fields, rank }, [actor.id]);
      if (input.rank) await lowerTopRanksOf([{ projectId: null, userId: actor.id, rank }]);
      return task;
    }
    const { audience, project } = await enterProjectAs(
      actor,
      input.projectId,
      'body.projectId',
      input.rank ? lowerTopRank(input.rank) : {},
    );
    assigned(audience);
    const rank = input.rank ?? (await rankOnTopOfProject(project, _id));
    return content.create(actor, { ...fields, rank }, audience);
  }

  async function update(actor: AuthUser, id: string, patch: TaskInput) {
    const current = await content.findWritable(actor, id);
    const { moving, audience } = await content.target(actor, current, patch.projectId);
    const statusChanged = patch.status !== undefined && patch.status !== current.doc.status;
    const assigneeId = assigneeAfter(idOrNull(current.doc.assigneeId), patch.assigneeId, audience, 'body.assigneeId');
    const fields = {
      ...toFields(patch),
      ...(statusChanged ? { statusChangedAt: new Date() } : {}),
      ...(assigneeId !== undefined ? { assigneeId } : {}),
    };
    const saved = await content.save(actor, current, { $set: fields }, audience);
    // A rank written into a list (a move within it, or into it) lowers the list's bound for new tasks.
    if (patch.rank !== undefined || moving) await lowerTopRanksOf([saved]);
    return toTaskDto(saved);
  }

  /** Kept a day first, so that "Annuler" restores the same task (see trash.ts). */
  const remove = (actor: AuthUser, id: string) => content.remove(actor, id, (doc) => keepDeleted(actor, [doc]));

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

  return {
    list,
    get: content.get,
    create,
    update,
    remove,
    bulkComplete,
    ...taskBulk(writes),
    promote: (actor: AuthUser, id: string) => promote(writes, actor, id),
    removeProjectContent,
  };
}

export type TaskService = ReturnType<typeof createTaskService>;

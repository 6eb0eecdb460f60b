import { openStatuses } from '@panoramix/contracts';
import type { Task, TaskStatus } from '@panoramix/contracts';
import type { AuthUser } from '../../http/auth-guard.ts';
import { after, sortOf, toPage } from '../../lib/pagination.ts';
import type { SortKey } from '../../lib/pagination.ts';
import type { EventBus } from '../../realtime/event-bus.ts';
import { contentFilter, projectScope, requireProjectForContent } from '../projects/access.ts';
import { projectContent } from '../projects/content.ts';
import { TaskModel } from './model.ts';
import type { TaskDoc } from './model.ts';

const byRank: SortKey = { field: 'rank', direction: 'asc' };
const DAY_MS = 86_400_000;

export const toTaskDto = (t: TaskDoc): Task => ({
  id: String(t._id),
  userId: String(t.userId),
  projectId: t.projectId ? String(t.projectId) : null,
  title: t.title,
  notes: t.notes,
  status: t.status,
  statusChangedAt: t.statusChangedAt.toISOString(),
  deadline: t.deadline ? t.deadline.toISOString() : null,
  isUrgent: t.isUrgent,
  isImportant: t.isImportant,
  rank: t.rank,
  tags: t.tags,
  createdAt: t.createdAt.toISOString(),
  updatedAt: t.updatedAt.toISOString(),
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

export interface TaskListQuery {
  limit: number;
  cursor?: string | undefined;
  projectId?: string | undefined;
  status?: TaskStatus[] | undefined;
  overdue?: boolean | undefined;
  dueWithinDays?: number | undefined;
}

export function createTaskService(deps: { events: EventBus }) {
  const content = projectContent({ model: TaskModel, entity: 'task', label: 'Task', toDto: toTaskDto, events: deps.events });
  const { findVisible, announce } = content;

  async function list(actor: AuthUser, query: TaskListQuery) {
    const now = new Date();
    const clauses: Record<string, unknown>[] = [await contentFilter(actor)];
    clauses.push(await projectScope(actor, query.projectId));
    if (query.status) clauses.push({ status: { $in: query.status } });
    if (query.overdue) clauses.push({ status: { $in: openStatuses }, deadline: { $ne: null, $lt: now } });
    if (query.dueWithinDays !== undefined) {
      clauses.push({
        status: { $in: openStatuses },
        deadline: { $gte: now, $lte: new Date(now.getTime() + query.dueWithinDays * DAY_MS) },
      });
    }
    clauses.push(after(byRank, query.cursor));
    const rows = await TaskModel.find({ $and: clauses })
      .sort(sortOf(byRank))
      .limit(query.limit + 1)
      .lean<TaskDoc[]>();
    return toPage(rows, query.limit, byRank, toTaskDto);
  }

  const get = async (actor: AuthUser, id: string) => toTaskDto(await findVisible(actor, id));

  async function create(actor: AuthUser, input: TaskInput & { title: string }) {
    if (input.projectId) await requireProjectForContent(actor, input.projectId);
    // New tasks go on top: a rank below every existing one, without reading them.
    const created = await TaskModel.create({
      rank: -Date.now(),
      ...toFields(input),
      userId: actor.id,
      statusChangedAt: new Date(),
    });
    const task = created.toObject() as TaskDoc;
    await announce('created', task);
    return toTaskDto(task);
  }

  async function update(actor: AuthUser, id: string, patch: TaskInput) {
    const current = await findVisible(actor, id);
    const moving = await content.checkMove(actor, current, patch.projectId);
    const statusChanged = patch.status !== undefined && patch.status !== current.status;
    const updated = await content.save(current, {
      $set: { ...toFields(patch), ...(statusChanged ? { statusChangedAt: new Date() } : {}) },
    });
    if (moving) await content.announceMove(actor, current, updated);
    return toTaskDto(updated);
  }

  async function remove(actor: AuthUser, id: string) {
    const task = await findVisible(actor, id);
    await TaskModel.deleteOne({ _id: task._id, userId: task.userId });
    await content.announceDeleted(actor, task);
  }

  async function bulkComplete(actor: AuthUser, ids: string[]) {
    const visible = await contentFilter(actor);
    const targets = await TaskModel.find(
      { $and: [{ _id: { $in: ids } }, visible, { status: { $ne: 'done' } }] },
      { _id: 1 },
    ).lean();
    const selected = { $and: [{ _id: { $in: targets.map((t) => t._id) } }, visible] };
    await TaskModel.updateMany(selected, { $set: { status: 'done', statusChangedAt: new Date() } });
    const updated = await TaskModel.find(selected).lean<TaskDoc[]>();
    for (const task of updated) await announce('updated', task);
    return { updated: updated.map(toTaskDto) };
  }

  const removeProjectContent = (projectId: string) => TaskModel.deleteMany({ projectId });

  return { list, get, create, update, remove, bulkComplete, removeProjectContent };
}

export type TaskService = ReturnType<typeof createTaskService>;

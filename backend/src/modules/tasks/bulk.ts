import type { z } from 'zod';
import type { Task, bulkTaskPatch } from '@panoramix/contracts';
import { Types } from 'mongoose';
import type { AuthUser } from '../../http/auth-guard.ts';
import { notFound } from '../../http/problem.ts';
import { onlyDuplicateKeys } from '../../db/duplicate-key.ts';
import { idOrNull } from '../../lib/dto.ts';
import type { EventBus } from '../../realtime/event-bus.ts';
import { contentFilter, enterProject, memberProjects, touchProjects } from '../../sharing/access.ts';
import { deletedFromProject } from '../../sharing/content.ts';
import type { projectContent } from '../../sharing/content.ts';
import { assigneeAfter, dedupeTags } from './fields.ts';
import { TaskModel } from './model.ts';
import type { TaskDoc } from './model.ts';
import { lowerTopRanksOf } from './rank.ts';
import { deletedBy, forgetDeleted, keepDeleted } from './trash.ts';

export type TaskContent = ReturnType<typeof projectContent<'task', TaskDoc>>;
type BulkPatch = z.output<typeof bulkTaskPatch>;

const unique = (ids: readonly string[]) => [...new Set(ids)].map((id) => new Types.ObjectId(id));
const projectIdsOf = (tasks: readonly TaskDoc[]) => [
  ...new Set(tasks.flatMap((t) => (t.projectId ? [String(t.projectId)] : []))),
];

/** Who sees a task of the caller's: its project's members (from the request's one read), else the caller. */
async function audiences(actor: AuthUser) {
  const members = new Map((await memberProjects(actor)).map((p) => [String(p._id), p.memberIds.map(String)]));
  return {
    reaches: (projectId: unknown) => !projectId || members.has(String(projectId)),
    of: (projectId: unknown) => (projectId ? members.get(String(projectId)) : undefined) ?? [actor.id],
  };
}

/** The tags after adding and removing some (removal compares case-insensitively, as tags are kept). */
function retag(tags: readonly string[], add: readonly string[] = [], remove: readonly string[] = []) {
  const removed = new Set(remove.map((tag) => tag.toLowerCase()));
  return dedupeTags([...tags.filter((tag) => !removed.has(tag.toLowerCase())), ...add]);
}

/**
 * Actions on a selection, each one request: every task is one the caller sees, or nothing is
 * written and the answer is 404 (as for one task: others' tasks do not exist for them). A constant
 * number of commands however many tasks, since on FerretDB every update scans the collection: one
 * read, one write per distinct change, one read back, the touch, and one event per changed task.
 */
export interface TaskWrites {
  content: TaskContent;
  events: EventBus;
  toDto: (task: TaskDoc) => Task;
}

export function taskBulk({ content, events, toDto }: TaskWrites) {
  async function selected(actor: AuthUser, ids: readonly string[]) {
    const wanted = unique(ids);
    const tasks = await TaskModel.find({ _id: { $in: wanted }, ...(await contentFilter(actor)) }).lean<TaskDoc[]>();
    if (tasks.length !== wanted.length) throw notFound('Task');
    return tasks;
  }

  const announceGone = (actor: AuthUser, task: TaskDoc, audience: string[]) =>
    audience.length > 0 && events.emit({ type: 'task.deleted', userId: actor.id, data: deletedFromProject(task), audience });

  async function bulkUpdate(actor: AuthUser, ids: string[], patch: BulkPatch) {
    const tasks = await selected(actor, ids);
    const audience = await audiences(actor);
    const destination =
      patch.projectId === undefined ? undefined : await enterProject(actor, patch.projectId, 'body.patch.projectId');
    const now = new Date();
    // Every change decided (and every assignee checked) before anything is written.
    const plans = tasks.map((task) => {
      const before = audience.of(task.projectId);
      const after = destination ?? before;
      const set: Record<string, unknown> = {};
      if (patch.projectId !== undefined && patch.projectId !== idOrNull(task.projectId)) set.projectId = patch.projectId;
      if (patch.status !== undefined && patch.status !== task.status)
        Object.assign(set, { status: patch.status, statusChangedAt: now });
      if (patch.deadline !== undefined) set.deadline = patch.deadline ? new Date(patch.deadline) : null;
      if (patch.isUrgent !== undefined) set.isUrgent = patch.isUrgent;
      if (patch.isImportant !== undefined) set.isImportant = patch.isImportant;
      if (patch.addTags || patch.removeTags) set.tags = retag(task.tags, patch.addTags, patch.removeTags);
      const assigneeId = assigneeAfter(idOrNull(task.assigneeId), patch.assigneeId, after, 'body.patch.assigneeId');
      if (assigneeId !== undefined) set.assigneeId = assigneeId;
      return { task, set, before, after };
    });
    const groups = new Map<string, { where: Record<string, unknown>; set: Record<string, unknown>; ids: Types.ObjectId[] }>();
    const changed = plans.filter((plan) => Object.keys(plan.set).length > 0);
    for (const { task, set } of changed) {
      // Still where it was read (as one task's save): a concurrent move elsewhere is not overwritten.
      const where = { userId: task.userId, projectId: task.projectId ?? null };
      const key = JSON.stringify([where, set]);
      const group = groups.get(key) ?? { where, set, ids: [] as Types.ObjectId[] };
      group.ids.push(task._id);
      groups.set(key, group);
    }
    for (const { where, set, ids: group } of groups.values()) {
      await TaskModel.updateMany({ _id: { $in: group }, ...where }, { $set: set });
    }
    const written = await TaskModel.find({
      _id: { $in: changed.map((plan) => plan.task._id) },
      ...(await contentFilter(actor)),
    }).lean<TaskDoc[]>();
    const byId = new Map(plans.map((plan) => [String(plan.task._id), plan]));
    await touchProjects(actor, projectIdsOf(tasks));
    if (patch.projectId !== undefined) await lowerTopRanksOf(written);
    await Promise.all(
      written.flatMap((task) => {
        const plan = byId.get(String(task._id))!;
        const stays = new Set(plan.after);
        return [
          content.announce('updated', task, plan.after),
          announceGone(
            actor,
            plan.task,
            plan.before.filter((m) => !stays.has(m)),
          ),
        ];
      }),
    );
    return { updated: written.map(toDto) };
  }

  /** Kept a day first, then deleted in one write: `restore` undoes it. */
  async function bulkDelete(actor: AuthUser, ids: string[]) {
    const tasks = await selected(actor, ids);
    const audience = await audiences(actor);
    await keepDeleted(actor, tasks);
    await TaskModel.deleteMany({ _id: { $in: tasks.map((task) => task._id) }, ...(await contentFilter(actor)) });
    await touchProjects(actor, projectIdsOf(tasks));
    await Promise.all(tasks.map((task) => announceGone(actor, task, audience.of(task.projectId))));
    return { deleted: tasks.map(deletedFromProject) };
  }

  /**
   * The same tasks again, ids and all, told to every member as created. A newer `updatedAt` than
   * the deletion's, so replicas that buried them take them back. All or nothing: a task not among
   * the caller's recent deletions, or whose project they no longer reach, makes it a 404.
   */
  async function restore(actor: AuthUser, ids: string[]) {
    const wanted = unique(ids);
    const tasks = await deletedBy(actor, ids);
    const audience = await audiences(actor);
    if (tasks.length !== wanted.length || !tasks.every((task) => audience.reaches(task.projectId))) throw notFound('Task');
    const updatedAt = new Date();
    // Raw documents as they were stored; an id taken already (restored by another tab) stays as it is.
    await TaskModel.collection
      .insertMany(
        tasks.map((task) => ({ ...task, updatedAt })),
        { ordered: false },
      )
      .catch((error: unknown) => {
        if (!onlyDuplicateKeys(error)) throw error;
      });
    await forgetDeleted(actor, wanted);
    const restored = await TaskModel.find({ _id: { $in: wanted }, updatedAt, ...(await contentFilter(actor)) }).lean<TaskDoc[]>();
    await touchProjects(actor, projectIdsOf(restored));
    await Promise.all(restored.map((task) => content.announce('created', task, audience.of(task.projectId))));
    return { restored: restored.map(toDto) };
  }

  return { bulkUpdate, bulkDelete, restore };
}

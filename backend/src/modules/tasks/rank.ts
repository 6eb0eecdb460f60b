import type { Types } from 'mongoose';
import { keyBefore } from '../../lib/order-keys.ts';
import { ProjectModel } from '../projects/model.ts';
import type { ProjectDoc } from '../projects/model.ts';
import { UserModel } from '../users/model.ts';
import { TaskModel } from './model.ts';

type Id = Types.ObjectId | string;
interface RankedTask {
  projectId?: Id | null | undefined;
  userId: Id;
  rank: string;
}
const system = { tenancy: 'system' } as const;

/** A key above (before) the first task of the list `scope` selects: new tasks go on top. */
async function rankOnTop(scope: { projectId: string } | { userId: string; projectId: null }, id: Types.ObjectId) {
  const first = await TaskModel.findOne(scope, { rank: 1 }).sort({ rank: 1 }).lean<{ rank: string }>();
  return keyBefore(first?.rank, id);
}

const unstamped = { timestamps: false } as const;

/**
 * The key of a new task on top of a list, from the list's bound (no task of the list ranks below
 * it): no read of the tasks, which on FerretDB reads every task of the database. Keys made below one
 * bound are ordered newest first by their ids (order-keys.ts). A list without a bound yet reads its
 * first task once and `start`s the bound at the new key (unless a concurrent write started it first).
 */
async function rankBelow(
  bound: string | null | undefined,
  scope: Parameters<typeof rankOnTop>[0],
  id: Types.ObjectId,
  start: (rank: string) => Promise<unknown>,
) {
  if (bound) return keyBefore(bound, id);
  const rank = await rankOnTop(scope, id);
  await start(rank);
  return rank;
}

/** A project keeps its bound (`taskTopRank`), read by the touch the create does anyway. */
export const rankOnTopOfProject = (project: Pick<ProjectDoc, 'taskTopRank'> & { _id: Id }, id: Types.ObjectId) =>
  rankBelow(project.taskTopRank, { projectId: String(project._id) }, id, (rank) =>
    ProjectModel.updateOne({ _id: project._id, taskTopRank: null }, { $set: { taskTopRank: rank } }, unstamped).setOptions(
      system,
    ),
  );

/** A user's inbox keeps its bound on the user (`inboxTaskTopRank`): one read by id, which FerretDB answers alone. */
export async function rankOnTopOfInbox(userId: string, id: Types.ObjectId) {
  const user = await UserModel.findById(userId, { inboxTaskTopRank: 1 }).lean();
  return rankBelow(user?.inboxTaskTopRank, { userId, projectId: null }, id, (rank) =>
    UserModel.updateOne({ _id: userId, inboxTaskTopRank: null }, { $set: { inboxTaskTopRank: rank } }, unstamped),
  );
}

/** What a write putting `rank` into a project adds to that project's touch or update: the bound goes down to it. */
export const lowerTopRank = (rank: string) => ({ $min: { taskTopRank: rank } });

/**
 * Tasks whose ranks were written outside a create on top (a move, a drag, a re-sort): the bound of
 * each list they are in goes down to the lowest of them. One write per list.
 */
export async function lowerTopRanksOf(tasks: readonly RankedTask[]) {
  const lowest = new Map<string, RankedTask>();
  for (const task of tasks) {
    const list = task.projectId ? `project ${String(task.projectId)}` : `inbox ${String(task.userId)}`;
    const seen = lowest.get(list);
    if (!seen || task.rank < seen.rank) lowest.set(list, task);
  }
  for (const { projectId, userId, rank } of lowest.values()) {
    if (projectId) await ProjectModel.updateOne({ _id: projectId }, lowerTopRank(rank), unstamped).setOptions(system);
    else await UserModel.updateOne({ _id: userId }, { $min: { inboxTaskTopRank: rank } }, unstamped);
  }
}

/** Forgets a user's inbox bound (an import wrote ranks into the inbox past the services): found again once. */
export const forgetInboxTopRank = (userId: Id) =>
  UserModel.updateOne({ _id: userId }, { $set: { inboxTaskTopRank: null } }, unstamped);

/**
 * Forgets every bound (ranks were written below them: by the number-rank migration, or by an import
 * past the services): each is found again once.
 */
export async function forgetTopRanks() {
  await ProjectModel.updateMany({ taskTopRank: { $ne: null } }, { $set: { taskTopRank: null } }, unstamped).setOptions(system);
  await UserModel.updateMany({ inboxTaskTopRank: { $ne: null } }, { $set: { inboxTaskTopRank: null } }, unstamped);
}

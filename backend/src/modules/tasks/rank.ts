import type { Types } from 'mongoose';
import { keyBefore } from '../../lib/order-keys.ts';
import { ProjectModel } from '../projects/model.ts';
import type { ProjectDoc } from '../projects/model.ts';
import { TaskModel } from './model.ts';

type Id = Types.ObjectId | string;
const system = { tenancy: 'system' } as const;

/** A key above (before) the first task of the list `scope` selects: new tasks go on top. */
export async function rankOnTop(scope: { projectId: string } | { userId: string; projectId: null }, id: Types.ObjectId) {
  const first = await TaskModel.findOne(scope, { rank: 1 }).sort({ rank: 1 }).lean<{ rank: string }>();
  return keyBefore(first?.rank, id);
}

/**
 * The key of a new task on top of a project, from the bound the project keeps (`taskTopRank`, read
 * by the touch the create does anyway): no read of the tasks. Keys made below one bound are ordered
 * newest first by their ids (order-keys.ts). A project without a bound yet reads its first task once
 * and starts the bound at the new key (unless a concurrent write started it first).
 */
export async function rankOnTopOfProject(project: Pick<ProjectDoc, 'taskTopRank'> & { _id: Id }, id: Types.ObjectId) {
  if (project.taskTopRank) return keyBefore(project.taskTopRank, id);
  const rank = await rankOnTop({ projectId: String(project._id) }, id);
  await ProjectModel.updateOne(
    { _id: project._id, taskTopRank: null },
    { $set: { taskTopRank: rank } },
    { timestamps: false },
  ).setOptions(system);
  return rank;
}

/** What a write putting `rank` into a project adds to that project's touch or update: the bound goes down to it. */
export const lowerTopRank = (rank: string) => ({ $min: { taskTopRank: rank } });

/** A task's rank written into a project outside a touch (a move): the bound goes down to it. */
export const lowerTopRankOf = (projectId: Id, rank: string) =>
  ProjectModel.updateOne({ _id: projectId }, lowerTopRank(rank), { timestamps: false }).setOptions(system);

/** Forgets every bound (ranks were rewritten below them, by the number-rank migration): each is found again once. */
export const forgetTopRanks = () =>
  ProjectModel.updateMany({ taskTopRank: { $ne: null } }, { $set: { taskTopRank: null } }, { timestamps: false }).setOptions(
    system,
  );

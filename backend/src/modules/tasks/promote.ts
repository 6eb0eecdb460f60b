import type { AuthUser } from '../../http/auth-guard.ts';
import type { TaskWrites } from './bulk.ts';
import { TaskModel } from './model.ts';
import type { TaskDoc } from './model.ts';
import { promotedOrder, reRank } from './promote-order.ts';
import { lowerTopRanksOf } from './rank.ts';

/**
 * Promote to top (promote-order.ts) over the open tasks of the task's list: its project's, shared
 * by its members, or its creator's inbox (ranks order a list, so that is where a re-sort means
 * something). Each new rank is written only if the task still has the rank it was read with: a
 * drag at the same moment wins over the re-sort. Answers, and announces, the tasks that moved.
 */
export async function promote({ content, toDto }: TaskWrites, actor: AuthUser, id: string) {
  const { doc, audience } = await content.findWritable(actor, id);
  const list = doc.projectId ? { projectId: doc.projectId } : { userId: doc.userId, projectId: null };
  const all = await TaskModel.find(list).lean<TaskDoc[]>();
  const open = all.filter((task) => task.open);
  if (!open.some((task) => task._id.equals(doc._id))) open.push(doc); // a closed task promoted joins them
  const ordered = promotedOrder(
    open.map((task) => ({ ...task, id: String(task._id) })),
    id,
  );
  const changes = reRank(
    ordered,
    all.map((task) => task.rank),
  );
  if (changes.length === 0) return { updated: [] };
  await TaskModel.bulkWrite(
    changes.map(({ task, rank }) => ({
      updateOne: { filter: { _id: task._id, ...list, rank: task.rank }, update: { $set: { rank } } },
    })),
    { ordered: false },
  );
  const ranks = new Map(changes.map(({ task, rank }) => [task.id, rank]));
  const moved = (await TaskModel.find({ _id: { $in: changes.map(({ task }) => task._id) }, ...list }).lean<TaskDoc[]>()).filter(
    (task) => ranks.get(String(task._id)) === task.rank,
  );
  await lowerTopRanksOf(moved);
  await Promise.all(moved.map((task) => content.announce('updated', task, audience)));
  return { updated: moved.map(toDto) };
}

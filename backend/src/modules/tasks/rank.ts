import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import { TaskModel } from './model.ts';

const system = { tenancy: 'system' } as const;

/**
 * Turns number ranks (tasks written before ranks were order keys, or imported from an archive of
 * that time) into order keys, keeping the order: MongoDB sorts every number before every string,
 * so the numbers, in their order, get keys below the lowest key there is. Each write is
 * conditional on the number still being there, so two instances running it at once never undo a move.
 */
export async function migrateTaskRanks(): Promise<number> {
  const numeric = await TaskModel.find({ rank: { $type: 'number' } }, { rank: 1 })
    .sort({ rank: 1, _id: 1 })
    .setOptions(system)
    .lean();
  if (numeric.length === 0) return 0;
  const lowest = await TaskModel.findOne({ rank: { $type: 'string' } }, { rank: 1 })
    .sort({ rank: 1 })
    .setOptions(system)
    .lean();
  const keys = generateNKeysBetween(null, (lowest?.rank as string | undefined) ?? null, numeric.length);
  await TaskModel.bulkWrite(
    numeric.map((task, i) => ({
      updateOne: { filter: { _id: task._id, rank: task.rank }, update: { $set: { rank: keys[i] } }, timestamps: false },
    })),
    { ordered: false },
  );
  return numeric.length;
}

/** A key above (before) the first task of the list `scope` selects: new tasks go on top. */
export async function rankOnTop(scope: { projectId: string } | { userId: string; projectId: null }) {
  const first = await TaskModel.findOne(scope, { rank: 1 }).sort({ rank: 1 }).lean<{ rank: string }>();
  return generateKeyBetween(null, first?.rank ?? null);
}

import type { Types } from 'mongoose';
import { keyBefore } from '../../lib/order-keys.ts';
import { TaskModel } from './model.ts';

/** A key above (before) the first task of the list `scope` selects: new tasks go on top. */
export async function rankOnTop(scope: { projectId: string } | { userId: string; projectId: null }, id: Types.ObjectId) {
  const first = await TaskModel.findOne(scope, { rank: 1 }).sort({ rank: 1 }).lean<{ rank: string }>();
  return keyBefore(first?.rank, id);
}

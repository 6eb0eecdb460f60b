import { routes } from '@panoramix/contracts';
import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/harness.ts';
import { TaskModel } from './model.ts';
import { migrateRanks } from '../../lib/order-keys.ts';

const ctx = useTestApp();

describe('task ranks from before order keys', () => {
  it('become order keys in the same order, above the tasks already keyed, and the list shows that order', async () => {
    const user = await ctx.app.newUser();
    const keyed = (await user.call(routes.tasks.create, { body: { title: 'Keyed' } })).body;
    // As an archive of that time imports them: numbers, written past the schema.
    const now = new Date();
    const old = [-1_764_583_200_000, -1_764_583_100_000, 12.5].map((rank, i) => ({
      _id: new Types.ObjectId(),
      userId: new Types.ObjectId(user.id),
      projectId: null,
      title: `Old ${i}`,
      rank,
      status: 'todo',
      statusChangedAt: now,
      createdAt: now,
      updatedAt: now,
    }));
    await TaskModel.collection.insertMany(old);

    expect(await migrateRanks(TaskModel)).toBe(3);
    const list = (await user.call(routes.tasks.list, { query: {} })).body.items;
    expect(list.map((task) => task.title)).toEqual(['Old 0', 'Old 1', 'Old 2', 'Keyed']);
    expect(list.every((task) => typeof task.rank === 'string')).toBe(true);
    expect(list.at(-1)?.rank).toBe(keyed.rank);
    expect(await migrateRanks(TaskModel)).toBe(0); // nothing left to convert
  });
});

import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/harness.ts';
import { SearchEntryModel } from './entries.ts';
import { insertEntries } from './worker.ts';

useTestApp();

const entry = (id: string, itemId: string) => ({
  _id: id,
  userId: new Types.ObjectId(),
  scope: 'user:x',
  projectId: null,
  kind: 'note',
  itemId,
  chunk: 0,
  title: 'Walrus',
  text: '',
  tokens: ['walrus'],
  target: `/notes/${itemId}`,
  updatedAt: new Date(),
});

describe('keyword entries written by the index worker', () => {
  it('takes entries another worker wrote at the same moment, and writes the rest of the batch', async () => {
    const first = entry(`entry-${new Types.ObjectId()}`, 'item-1');
    await insertEntries([first]); // the other worker, indexing the same item
    const second = entry(`entry-${new Types.ObjectId()}`, 'item-2');
    await expect(insertEntries([first, second])).resolves.toBeUndefined();
    const ids = await SearchEntryModel.find({ _id: { $in: [first._id, second._id] } }, { _id: 1 })
      .setOptions({ tenancy: 'system' })
      .lean();
    expect(ids.map((doc) => doc._id).sort()).toEqual([first._id, second._id].sort());
  });
});

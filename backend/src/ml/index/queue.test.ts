import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/harness.ts';
import { IndexQueueModel, claim, complete, enqueue } from './queue.ts';

const ctx = useTestApp();

describe('search queue', () => {
  it('claims at once an entry whose release a racing update wrote back, instead of waiting out the lease', async () => {
    // Only this test touches the queue: the app's own worker and jobs are stopped.
    await Promise.all([ctx.app.server.jobs.stop(), ctx.app.server.services.indexer.stop()]);
    const id = String(new Types.ObjectId());
    await enqueue([{ kind: 'note', id }]);
    const first = await claim(10, 60_000);
    expect(first.entries).toHaveLength(1);
    await enqueue([{ kind: 'note', id }]); // a new event while the batch works: a newer version
    await complete(first.token, first.entries);
    // What FerretDB's whole-document rewrite of the version bump leaves when it lands on the release.
    await IndexQueueModel.updateOne(
      { _id: `note:${id}` },
      { $set: { claim: first.token, leaseUntil: new Date(Date.now() + 60_000) } },
    );
    const next = await claim(10, 60_000);
    expect(next.entries.map((entry) => entry.itemId)).toEqual([id]);
  });
});

import { Types } from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/harness.ts';
import { claim, complete, enqueue } from './queue.ts';

const ctx = useTestApp();
const notes = (n: number) => Array.from({ length: n }, () => ({ kind: 'note', id: String(new Types.ObjectId()) }));

describe('search queue leases', () => {
  // Only these tests touch the queue: the app's own worker and jobs are stopped.
  beforeAll(() => Promise.all([ctx.app.server.jobs.stop(), ctx.app.server.services.indexer.stop()]));

  it('gives each entry to one of two claims made at the same moment', async () => {
    const queued = notes(60);
    await enqueue(queued);
    const [a, b] = await Promise.all([claim(60, 60_000), claim(60, 60_000)]);
    const ids = [...a.entries, ...b.entries].map((entry) => entry.itemId);
    expect(new Set(ids).size).toBe(ids.length); // no entry in both batches
    expect(ids.sort()).toEqual(queued.map((item) => item.id).sort());
    await Promise.all([complete(a.token, a.entries), complete(b.token, b.entries)]);
  });

  it('claims again an entry whose batch never finished once its lease ran out, with the newer version of a later event', async () => {
    const [item] = notes(1);
    await enqueue([item!]);
    const dead = await claim(10, 0); // a worker that stopped mid-batch: its lease is already over
    expect(dead.entries.map((entry) => entry.itemId)).toEqual([item!.id]);
    const next = await claim(10, 60_000);
    expect(next.entries.map((entry) => entry.itemId)).toEqual([item!.id]);
    expect(await claim(10, 60_000)).toMatchObject({ entries: [] }); // held by the live lease

    await enqueue([item!]); // a new edit while the batch works
    await complete(next.token, next.entries);
    const after = await claim(10, 60_000);
    expect(after.entries).toMatchObject([{ itemId: item!.id, version: 2 }]);
    await complete(after.token, after.entries);
    expect(await claim(10, 60_000)).toMatchObject({ entries: [] });
  });
});

import { routes } from '@panoramix/contracts';
import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/harness.ts';
import { INDEX_JOB } from './indexer.ts';
import { enqueue } from './queue.ts';

const ctx = useTestApp();

describe('search indexing drains', () => {
  it('run one batch at a time in a process, whoever asks: the periodic job, a write, a flush', async () => {
    const indexer = ctx.app.server.services.indexer;
    const user = await ctx.app.newUser();
    const periodic = indexer.jobDefinitions.find((job) => job.name === INDEX_JOB)!.run;
    const { runBatch } = indexer.worker;
    let inFlight = 0;
    let most = 0;
    indexer.worker.runBatch = async () => {
      most = Math.max(most, ++inFlight);
      try {
        return await runBatch();
      } finally {
        inFlight--;
      }
    };
    try {
      const created = Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          user.call(routes.notes.create, { body: { title: `Okapi ${i}`, content: 'forest' } }),
        ),
      );
      await Promise.all([periodic(undefined), periodic(undefined), created.then(() => indexer.flush())]);
    } finally {
      indexer.worker.runBatch = runBatch;
    }
    expect(most).toBe(1);
    const hits = await user.call(routes.search.search, { query: { q: 'okapi', kinds: 'note', limit: 50 } });
    expect(hits.body.items).toHaveLength(20);
  });

  it('take a backlog in batches that double while they come back full: an import does not cost one claim per 32 items', async () => {
    const indexer = ctx.app.server.services.indexer;
    await indexer.flush();
    const { runBatch } = indexer.worker;
    const taken: number[] = [];
    indexer.worker.runBatch = async () => {
      const n = await runBatch();
      taken.push(n);
      return n;
    };
    try {
      // Notes since deleted, as a large delete leaves them: each batch finds them gone.
      await enqueue(Array.from({ length: 200 }, () => ({ kind: 'note', id: String(new Types.ObjectId()) })));
      await indexer.flush();
    } finally {
      indexer.worker.runBatch = runBatch;
    }
    expect(taken.filter((n) => n > 0)).toEqual([32, 64, 104]);
  });
});

import { routes } from '@panoramix/contracts';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/harness.ts';
import { INDEX_JOB } from './indexer.ts';

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
});

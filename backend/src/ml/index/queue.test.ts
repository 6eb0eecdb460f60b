import { routes } from '@panoramix/contracts';
import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/harness.ts';
import { MAX_ATTEMPTS, claim, complete, enqueue, fail, queueStatus } from './queue.ts';

const ctx = useTestApp();

describe('indexing queue status', () => {
  it('counts dead letters apart from the backlog, names the last error, and forgets a dead letter once its item is indexed', async () => {
    const admin = await ctx.app.newUser(); // the first account of a database is its administrator
    const user = await ctx.app.newUser();
    const id = new Types.ObjectId().toString();
    // The item is taken before the indexing job's next turn, and leased: that job leaves it alone.
    await enqueue([{ kind: 'note', id }]);
    const first = await claim(50, 60_000);
    const entry = first.entries.find((e) => e.itemId === id)!;
    await fail(first.token, [{ ...entry, attempts: MAX_ATTEMPTS - 1 }], 'embeddings: connection refused');

    const res = await admin.call(routes.search.aiStatus);
    expect(res.body.queue).toMatchObject({
      failed: 1,
      lastError: { kind: 'note', id, reason: 'embeddings: connection refused' },
    });
    // Another tenant's item and error text are for administrators only.
    const plain = await user.call(routes.search.aiStatus);
    expect(plain.body.queue).toEqual({
      pending: 0,
      failed: 1,
      lastError: { kind: 'note', id: null, reason: null, at: expect.any(String) },
    });
    expect(await queueStatus()).toMatchObject({ pending: 0, failed: 1 });

    // A new event queues it again; indexed this time, it leaves the dead letters.
    await enqueue([{ kind: 'note', id }]);
    expect((await queueStatus()).pending).toBe(1);
    const second = await claim(50, 60_000);
    await complete(second.token, second.entries);
    expect(await queueStatus()).toMatchObject({ pending: 0, failed: 0 });
  });
});

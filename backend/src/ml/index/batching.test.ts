import mongoose from 'mongoose';
import type { CommandStartedEvent } from 'mongodb';
import { Types } from 'mongoose';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { connectDatabase, disconnectDatabase } from '../../db/connect.ts';
import { buildIndexes } from '../../db/indexes.ts';
import { enqueueAll } from './indexer.ts';
import { IndexLeaseModel, IndexQueueModel, claim, complete, enqueue, fail } from './queue.ts';
import type { SearchSource } from './sources.ts';

// Command monitoring is a client option fixed at connection: this file's app connects with it on.
const connect = mongoose.connect.bind(mongoose);
vi.spyOn(mongoose, 'connect').mockImplementation((uri, options) => connect(uri, { ...options, monitorCommands: true }));

// The queue alone on a database of its own: an app's indexing job would take and settle these entries meanwhile.
beforeAll(async () => {
  await connectDatabase(inject('mongoUri'), `test_${randomBytes(6).toString('hex')}`);
  await buildIndexes([IndexQueueModel, IndexLeaseModel]); // their indexes, before the commands are counted
});
afterAll(async () => {
  await mongoose.connection.dropDatabase();
  await disconnectDatabase();
});

/** The commands `work` sends to the search queue, as their names. */
async function queueCommands(work: () => Promise<unknown>) {
  const seen: string[] = [];
  const record = (event: CommandStartedEvent) => {
    if (event.command[event.commandName] === 'search_queue') seen.push(event.commandName);
  };
  const client = mongoose.connection.getClient();
  client.on('commandStarted', record);
  try {
    await work();
  } finally {
    client.off('commandStarted', record);
  }
  return seen;
}

const notes = (n: number) => Array.from({ length: n }, () => ({ kind: 'note', id: new Types.ObjectId().toString() }));

// On a single-writer database (FerretDB on SQLite) each write command waits for the one before,
// and user requests wait behind them: a reindex must cost a few commands per batch, not one per item.
describe('indexing queue writes', () => {
  it('queues a batch of new items with one insert, and one more update for the items already queued', async () => {
    const queued = notes(200);
    expect(await queueCommands(() => enqueue(queued))).toEqual(['insert']);
    expect(await IndexQueueModel.countDocuments({ _id: { $in: queued.map((i) => `note:${i.id}`) } })).toBe(200);

    const again = [...queued.slice(0, 100), ...notes(100)];
    expect(await queueCommands(() => enqueue(again))).toEqual(['insert', 'update']);
    const versions = await IndexQueueModel.find({ _id: { $in: again.map((i) => `note:${i.id}`) } }, { version: 1 }).lean();
    expect(versions.filter((e) => e.version === 2)).toHaveLength(100);
    expect(versions.filter((e) => e.version === 1)).toHaveLength(100);
  });

  it('a rebuild queues the missing items and revives the dead entries, leaving the pending ones as they are', async () => {
    const [pending, dead] = notes(2);
    await enqueue([pending!, dead!]);
    await IndexQueueModel.updateOne({ _id: `note:${dead!.id}` }, { $set: { state: 'dead' } });
    const [missing] = notes(1);
    expect(await queueCommands(() => enqueue([pending!, dead!, missing!], { whenQueued: 'revive' }))).toEqual([
      'insert',
      'update',
    ]);
    const entries = await IndexQueueModel.find({ _id: { $in: [pending, dead, missing].map((i) => `note:${i!.id}`) } }).lean();
    expect(Object.fromEntries(entries.map((e) => [e.itemId, [e.state, e.version]]))).toEqual({
      [pending!.id]: ['pending', 1],
      [dead!.id]: ['pending', 2],
      [missing!.id]: ['pending', 1],
    });
  });

  it('a reconciliation queues only what is missing: an entry queued since it read the queue is left as it is', async () => {
    const [raced, missing] = notes(2);
    await enqueue([raced!]);
    expect(await queueCommands(() => enqueue([raced!, missing!], { whenQueued: 'keep' }))).toEqual(['insert']);
    const entries = await IndexQueueModel.find({ _id: { $in: [raced, missing].map((i) => `note:${i!.id}`) } }).lean();
    expect(entries.map((e) => e.version)).toEqual([1, 1]);
  });

  it('a full rebuild over a backlog that already holds the items reads the queue once and writes nothing', async () => {
    const queued = notes(300);
    await enqueue(queued);
    const [dead, missing] = notes(2);
    await enqueue([dead!]);
    await IndexQueueModel.updateOne({ _id: `note:${dead!.id}` }, { $set: { state: 'dead' } });
    const pages = [queued.slice(0, 150), [...queued.slice(150), dead!, missing!]];
    const source = {
      kind: 'note',
      async *stamps() {
        for (const page of pages) yield page.map(({ id }) => ({ id, updatedAt: null }));
      },
    } as unknown as SearchSource;
    // One read; the first page is all pending (no write); the second inserts the missing item and revives the dead one.
    expect(await queueCommands(() => enqueueAll([source]))).toEqual(['find', 'insert', 'update']);
    const entries = await IndexQueueModel.find({ _id: { $in: [dead, missing, queued[0]].map((i) => `note:${i!.id}`) } }).lean();
    expect(Object.fromEntries(entries.map((e) => [e.itemId, [e.state, e.version]]))).toEqual({
      [queued[0]!.id]: ['pending', 1],
      [dead!.id]: ['pending', 2],
      [missing!.id]: ['pending', 1],
    });
  });

  it('keeps an item queued when it changes while a worker indexes its older version', async () => {
    const [item] = notes(1);
    await enqueue([item!]);
    const taken = await claim(500, 60_000);
    await enqueue([item!]); // a new edit arrives mid-batch
    await complete(taken.token, taken.entries);
    expect(await IndexQueueModel.findById(`note:${item!.id}`).lean()).toMatchObject({ version: 2, state: 'pending' });
  });

  it('sends a failed batch back for a retry with one update, not one per entry', async () => {
    await enqueue(notes(32));
    const taken = await claim(500, 60_000);
    expect(taken.entries.length).toBeGreaterThanOrEqual(32);
    expect(await queueCommands(() => fail(taken.token, taken.entries, 'embeddings: timeout'))).toEqual(['update']);
    const retried = await IndexQueueModel.find({ _id: { $in: taken.entries.map((e) => e._id) } }).lean();
    expect(retried.every((e) => e.attempts === 1 && e.lastError === 'embeddings: timeout')).toBe(true);
    expect(await IndexLeaseModel.countDocuments({ claim: taken.token })).toBe(0); // released for the retry
  });
});

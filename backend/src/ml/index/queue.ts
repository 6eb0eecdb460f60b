import { randomUUID } from 'node:crypto';
import { Schema, model } from 'mongoose';
import { anyOf } from '../../db/any-of.ts';
import { insertNew } from '../../db/duplicate-key.ts';

/** `kind` of an entry that purges a whole scope (a deleted project) rather than one item. */
export const PURGE = '_purge';
/** After this many failed attempts an entry is dead-lettered with its reason. */
export const MAX_ATTEMPTS = 6;

/**
 * The durable indexing backlog: one entry per item to refresh (`_id` = `kind:id`), so ten edits
 * of one note before the worker runs cost one embedding. `version` grows with every new event:
 * a worker finishing an older version leaves the entry pending. A batch holds its entries by
 * leases (below); a worker that dies holding one loses nothing: the lease expires and another
 * run takes the entry again.
 */
const queueSchema = new Schema(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true },
    itemId: { type: String, required: true },
    version: { type: Number, default: 0 },
    // 'dead': left by versions that kept dead letters in the queue; the reindex of a new index format revives them.
    state: { type: String, enum: ['pending', 'dead'], default: 'pending' },
    attempts: { type: Number, default: 0 },
    runAt: { type: Date, required: true },
    lastError: { type: String, default: null },
    failedAt: { type: Date, default: null },
  },
  { versionKey: false },
);
queueSchema.index({ state: 1, runAt: 1 });

export const IndexQueueModel = model('IndexQueueEntry', queueSchema, 'search_queue');

/**
 * A batch's hold on one entry (`_id` the entry's), inserted and deleted, never updated: a claim is
 * one insert of its leases, where a taken `_id` means another batch holds that entry, on MongoDB
 * and FerretDB alike. Marking the entries themselves took an update of each, which FerretDB
 * neither isolates (two claims took the same entries) nor makes cheap (some 20 ms an entry beside
 * a backlog of 10,000). At most a batch per running worker: a claim reads them all.
 */
const leaseSchema = new Schema(
  {
    _id: { type: String, required: true },
    claim: { type: String, required: true },
    until: { type: Date, required: true },
  },
  { versionKey: false },
);
leaseSchema.index({ claim: 1 }); // a batch releases its leases by its claim
export const IndexLeaseModel = model('IndexLease', leaseSchema, 'search_leases');
const leases = () => IndexLeaseModel.db.collection<{ _id: string; claim: string; until: Date }>('search_leases');
/** The same collection through the driver, for the batched inserts Mongoose would cast one by one. */
const queueEntries = () => IndexQueueModel.db.collection<QueueDoc>('search_queue');
type QueueDoc = QueueEntry & {
  state: 'pending' | 'dead';
  runAt: Date;
  lastError: string | null;
  failedAt: Date | null;
};

/**
 * Entries that failed MAX_ATTEMPTS times, moved out of the queue: the status counts them without
 * scanning the backlog (FerretDB filters by reading every document). An item indexed later, after
 * a new event, leaves the list.
 */
const deadLetterSchema = new Schema(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true },
    itemId: { type: String, required: true },
    reason: { type: String, required: true },
    failedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
export const DeadLetterModel = model('IndexDeadLetter', deadLetterSchema, 'search_dead_letters');

/** The latest failure, retried or dead: one document, so the status reads it without a scan. */
const LAST_ERROR = 'last-error';
const queueStatusRecords = () =>
  IndexQueueModel.db.collection<{ _id: string; kind: string; id: string; reason: string; at: Date }>('search_queue_status');

export interface QueueEntry {
  _id: string;
  kind: string;
  itemId: string;
  version: number;
  attempts: number;
}

/** An entry's `_id`: one per item, so ten edits of one note queue it once. */
export const queueKey = (kind: string, id: string) => `${kind}:${id}`;

/** The state of every entry of the backlog, by `_id`, from one projected read (FerretDB scans for any filter). */
export async function queuedStates() {
  const states = new Map<string, 'pending' | 'dead'>();
  const cursor = queueEntries().find({}, { projection: { state: 1 }, batchSize: 1000 });
  for await (const entry of cursor) states.set(entry._id, entry.state);
  return states;
}

/**
 * What `enqueue` does to an item's entry already in the queue: `bump` (a new event: a batch working
 * on the older version leaves it pending), `revive` (a rebuild: nothing changed in the item, only a
 * dead entry is made pending again), `keep` (a reconciliation: the entry was queued since it read
 * the queue, by a write it raced with, and the item is indexed as it is when a batch takes it).
 */
export type WhenQueued = 'bump' | 'revive' | 'keep';

/**
 * Queues the items, one insert for all of them: most are new (a reindex, a burst of writes), and
 * on FerretDB an insertMany is one quick write where a bulk of upserts costs 17 ms or more per
 * item. The items already queued then get a newer version in one update (measured faster there
 * than upserts by `_id`); one settled in between is inserted anew.
 *
 * Only `bump` updates every entry already there: FerretDB updates each on its own, some 20 ms
 * apiece beside a large backlog, holding SQLite's one write lock meanwhile (the start's rebuild
 * after a 10,000-person import bumped them all: minutes; a reconciliation beside a 100,000-document
 * import held the lock past the 10 s other writers wait, and the import's inserts failed busy).
 */
export async function enqueue(items: readonly { kind: string; id: string }[], options: { whenQueued?: WhenQueued } = {}) {
  const whenQueued = options.whenQueued ?? 'bump';
  if (items.length === 0) return;
  const now = new Date();
  const pending = { state: 'pending' as const, attempts: 0, runAt: now, lastError: null, failedAt: null };
  const docs = [...new Map(items.map((item) => [queueKey(item.kind, item.id), item])).entries()].map(([_id, item]) => ({
    _id,
    kind: item.kind,
    itemId: item.id,
    version: 1,
    ...pending,
  }));
  const taken = await insertNew(queueEntries(), docs);
  if (taken.length === 0 || whenQueued === 'keep') return;
  const { matchedCount } = await queueEntries().updateMany(
    { _id: { $in: taken.map((doc) => doc._id) }, ...(whenQueued === 'revive' ? { state: 'dead' as const } : {}) },
    { $set: pending, $inc: { version: 1 } },
  );
  // The entries still there are taken again (and already newer): only the settled ones are inserted.
  if (whenQueued === 'bump' && matchedCount < taken.length) await insertNew(queueEntries(), taken);
}

/** Takes up to `limit` due entries for `leaseMs`; entries leased by a live batch are skipped. */
export async function claim(limit: number, leaseMs: number): Promise<{ token: string; entries: QueueEntry[] }> {
  const now = new Date();
  const held = await IndexLeaseModel.find({}, { until: 1 }).lean();
  const live = new Set(held.filter((lease) => lease.until > now).map((lease) => lease._id));
  const expired = held.filter((lease) => lease.until <= now).map((lease) => lease._id);
  if (expired.length > 0) await IndexLeaseModel.deleteMany({ _id: { $in: expired }, until: { $lte: now } });
  const due = await IndexQueueModel.find({ state: 'pending', runAt: { $lte: now } })
    .limit(limit + live.size)
    .lean<QueueEntry[]>();
  const free = due.filter((entry) => !live.has(entry._id)).slice(0, limit);
  const token = randomUUID();
  if (free.length === 0) return { token, entries: [] };
  const until = new Date(now.getTime() + leaseMs);
  const taken = new Set(
    (
      await insertNew(
        leases(),
        free.map((e) => ({ _id: e._id, claim: token, until })),
      )
    ).map((l) => l._id),
  );
  return { token, entries: free.filter((entry) => !taken.has(entry._id)) };
}

/** Removes the entries no newer event touched: the others stay due, for the next batch. */
const removeSettled = (entries: QueueEntry[]) =>
  IndexQueueModel.deleteMany(
    anyOf(
      'version',
      '_id',
      entries.map((e) => [e.version, e._id]),
    ),
  );

/** Ends the batch's hold on its entries. */
const release = (token: string) => IndexLeaseModel.deleteMany({ claim: token });

/** Done: the items are indexed, so any dead letter of theirs is obsolete. */
export async function complete(token: string, entries: QueueEntry[]) {
  if (entries.length === 0) return;
  await removeSettled(entries);
  await release(token);
  await DeadLetterModel.deleteMany({ _id: { $in: entries.map((e) => e._id) } });
}

/** Failed: retried after 2, 4, 8… seconds, dead-lettered after MAX_ATTEMPTS with the reason. */
export async function fail(token: string, entries: QueueEntry[], reason: string) {
  const now = new Date();
  const why = reason.slice(0, 500);
  const dead = entries.filter((entry) => entry.attempts + 1 >= MAX_ATTEMPTS);
  // One update per attempt count (a batch fails together, so usually one), not one per entry.
  const retried = new Map<number, QueueEntry[]>();
  for (const entry of entries.filter((e) => !dead.includes(e))) {
    retried.set(entry.attempts + 1, [...(retried.get(entry.attempts + 1) ?? []), entry]);
  }
  for (const [attempts, group] of retried) {
    await IndexQueueModel.updateMany(
      { _id: { $in: group.map((e) => e._id) } },
      {
        $set: {
          attempts,
          runAt: new Date(now.getTime() + 1000 * 2 ** attempts),
          lastError: why,
          failedAt: now,
        },
      },
    );
  }
  if (dead.length > 0) {
    // Letter first, then out of the queue (unless a newer event came meanwhile): a crash in between keeps both, never neither.
    await DeadLetterModel.bulkWrite(
      dead.map((e) => ({
        updateOne: {
          filter: { _id: e._id },
          update: { $set: { kind: e.kind, itemId: e.itemId, reason: why, failedAt: now } },
          upsert: true,
        },
      })),
    );
    await removeSettled(dead);
  }
  await release(token);
  const last = entries[0]!;
  await queueStatusRecords().updateOne(
    { _id: LAST_ERROR },
    { $set: { kind: last.kind, id: last.itemId, reason: why, at: now } },
    { upsert: true },
  );
}

/** How many entries the queue holds, from the collection's statistics: no scan on either database. */
async function queueSize() {
  try {
    const stats = await IndexQueueModel.db.db!.command({ collStats: IndexQueueModel.collection.collectionName });
    return Number(stats.count ?? 0);
  } catch (error) {
    if ((error as { code?: number }).code === 26) return 0; // NamespaceNotFound: nothing queued yet
    throw error;
  }
}

export async function queueStatus() {
  const [size, failed, last] = await Promise.all([
    queueSize(),
    DeadLetterModel.estimatedDocumentCount(), // the collection's count, not a scan of it
    queueStatusRecords().findOne({ _id: LAST_ERROR }),
  ]);
  return {
    pending: size,
    failed,
    lastError: last ? { kind: last.kind, id: last.id, reason: last.reason, at: last.at.toISOString() } : null,
  };
}

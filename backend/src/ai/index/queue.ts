import { randomUUID } from 'node:crypto';
import { Schema, model } from 'mongoose';

/** `kind` of an entry that purges a whole scope (a deleted project) rather than one item. */
export const PURGE = '_purge';
/** After this many failed attempts an entry is dead-lettered with its reason. */
export const MAX_ATTEMPTS = 6;

/**
 * The durable indexing backlog: one entry per item to refresh (`_id` = `kind:id`), so ten edits
 * of one note before the worker runs cost one embedding. `version` grows with every new event:
 * a worker finishing an older version leaves the entry pending. A worker that dies holding a
 * lease loses nothing: the lease expires and another run takes the entry again.
 */
const queueSchema = new Schema(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true },
    itemId: { type: String, required: true },
    version: { type: Number, default: 0 },
    state: { type: String, enum: ['pending', 'dead'], default: 'pending' },
    attempts: { type: Number, default: 0 },
    runAt: { type: Date, required: true },
    leaseUntil: { type: Date, default: null },
    claim: { type: String, default: null },
    lastError: { type: String, default: null },
    failedAt: { type: Date, default: null },
  },
  { versionKey: false },
);
queueSchema.index({ state: 1, runAt: 1 });

export const IndexQueueModel = model('IndexQueueEntry', queueSchema, 'search_queue');

export interface QueueEntry {
  _id: string;
  kind: string;
  itemId: string;
  version: number;
  attempts: number;
}

export async function enqueue(items: readonly { kind: string; id: string }[]) {
  if (items.length === 0) return;
  const now = new Date();
  await IndexQueueModel.bulkWrite(
    items.map((item) => ({
      updateOne: {
        filter: { _id: `${item.kind}:${item.id}` },
        update: {
          $set: { kind: item.kind, itemId: item.id, state: 'pending', attempts: 0, runAt: now, lastError: null, failedAt: null },
          $inc: { version: 1 },
        },
        upsert: true,
      },
    })),
    { ordered: false },
  );
}

/** Takes up to `limit` due entries for `leaseMs`; entries leased by a live worker are skipped. */
export async function claim(limit: number, leaseMs: number): Promise<{ token: string; entries: QueueEntry[] }> {
  const now = new Date();
  const due = { state: 'pending' as const, runAt: { $lte: now }, $or: [{ leaseUntil: null }, { leaseUntil: { $lt: now } }] };
  const candidates = await IndexQueueModel.find(due, { _id: 1 }).limit(limit).lean();
  const token = randomUUID();
  if (candidates.length === 0) return { token, entries: [] };
  await IndexQueueModel.updateMany(
    { ...due, _id: { $in: candidates.map((c) => c._id) } },
    { $set: { claim: token, leaseUntil: new Date(now.getTime() + leaseMs) } },
  );
  const entries = await IndexQueueModel.find({ claim: token }).lean<QueueEntry[]>();
  return { token, entries };
}

/** Done: removes the entries no newer event touched, and releases the others for the next run. */
export async function complete(token: string, entries: QueueEntry[]) {
  if (entries.length === 0) return;
  await IndexQueueModel.deleteMany({ claim: token, $or: entries.map((e) => ({ _id: e._id, version: e.version })) });
  await IndexQueueModel.updateMany({ claim: token }, { $set: { claim: null, leaseUntil: null } });
}

/** Failed: retried after 2, 4, 8… seconds, dead-lettered after MAX_ATTEMPTS with the reason. */
export async function fail(token: string, entries: QueueEntry[], reason: string) {
  const now = Date.now();
  for (const entry of entries) {
    const attempts = entry.attempts + 1;
    const dead = attempts >= MAX_ATTEMPTS;
    await IndexQueueModel.updateOne(
      { _id: entry._id, claim: token },
      {
        $set: {
          attempts,
          state: dead ? 'dead' : 'pending',
          runAt: new Date(now + 1000 * 2 ** attempts),
          claim: null,
          leaseUntil: null,
          lastError: reason.slice(0, 500),
          failedAt: new Date(now),
        },
      },
    );
  }
}

export async function queueStatus() {
  const [pending, failed, last] = await Promise.all([
    IndexQueueModel.countDocuments({ state: 'pending' }),
    IndexQueueModel.countDocuments({ state: 'dead' }),
    IndexQueueModel.findOne({ lastError: { $ne: null } })
      .sort({ failedAt: -1 })
      .lean(),
  ]);
  return {
    pending,
    failed,
    lastError: last?.lastError
      ? { kind: last.kind, id: last.itemId, reason: last.lastError, at: (last.failedAt ?? new Date()).toISOString() }
      : null,
  };
}

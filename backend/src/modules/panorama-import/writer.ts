import mongoose from 'mongoose';
import type { AnyBulkWriteOperation, Document, MongoBulkWriteError } from 'mongodb';
import type { Types } from 'mongoose';
import { digestOf, storedDigests } from './digests.ts';

export interface WriteCounts {
  inserted: Types.ObjectId[];
  updated: Types.ObjectId[];
  unchanged: number;
  /** Ids held by another user's document (the same archive imported for someone else): not written. */
  taken: Types.ObjectId[];
}

const DUPLICATE_KEY = 11000;

const FETCH_CONCURRENCY = 16;

/**
 * What a target collection holds for the user, as digests by `_id` (digests.ts), read once per run
 * and kept up to date by the writes: a batch is compared without reading anything, so a second run
 * writes nothing and reads each collection once.
 */
export function createWriter(userId: Types.ObjectId) {
  const known = new Map<string, Map<string, string>>();

  async function digestsOf(collectionName: string) {
    let digests = known.get(collectionName);
    if (!digests) known.set(collectionName, (digests = (await storedDigests(collectionName, userId)).digests));
    return digests;
  }

  return {
    async write(collectionName: string, docs: readonly (Document & { _id: Types.ObjectId })[]) {
      const stored = await digestsOf(collectionName);
      const digests = docs.map((doc) => digestOf(doc));
      const counts = await writeBatch(collectionName, docs, digests, stored);
      const written = new Set([...counts.inserted, ...counts.updated].map(String));
      docs.forEach((doc, i) => written.has(String(doc._id)) && stored.set(String(doc._id), digests[i]!));
      return counts;
    },
  };
}

/** Documents by `_id`, read one by one (the only read FerretDB serves from an index), some at a time. */
export async function fetchExisting(collectionName: string, ids: readonly Types.ObjectId[]) {
  const collection = mongoose.connection.collection(collectionName);
  const existing = new Map<string, Document>();
  for (let i = 0; i < ids.length; i += FETCH_CONCURRENCY) {
    const found = await Promise.all(ids.slice(i, i + FETCH_CONCURRENCY).map((_id) => collection.findOne({ _id })));
    for (const doc of found) if (doc) existing.set(String(doc._id), doc);
  }
  return existing;
}

/**
 * Writes one batch of documents to a native collection by `_id`, compared with the stored digests
 * first: an unchanged document is not written and counts as unchanged, so a second run writes nothing. Documents not
 * there go in with one insertMany and the changed ones with replaceOne upserts: on FerretDB a bulk
 * of upserts costs 17 ms or more per item where an insertMany is one quick write (measured for the
 * search queue, ml/index/queue.ts). A document inserted by someone else between the read and the
 * write (a second import of the same archive) makes its insert fail on the key; it is replaced then.
 */
async function writeBatch(
  collectionName: string,
  docs: readonly (Document & { _id: Types.ObjectId })[],
  digests: readonly string[],
  stored: ReadonlyMap<string, string>,
): Promise<WriteCounts> {
  const collection = mongoose.connection.collection(collectionName);
  const counts: WriteCounts = { inserted: [], updated: [], unchanged: 0, taken: [] };
  const fresh: Document[] = [];
  const changed: Document[] = [];
  docs.forEach((doc, i) => {
    const digest = stored.get(String(doc._id));
    if (digest === undefined) fresh.push(doc);
    else if (digest === digests[i]) counts.unchanged++;
    else changed.push(doc);
  });
  if (fresh.length > 0) {
    try {
      await collection.insertMany(fresh, { ordered: false });
    } catch (error) {
      const failed = (error as MongoBulkWriteError).writeErrors;
      const list = Array.isArray(failed) ? failed : failed ? [failed] : [];
      if (list.length === 0 || list.some((e) => e.code !== DUPLICATE_KEY)) throw error;
      const failedAt = new Set(list.map((e) => e.index));
      const raced = fresh.filter((_, i) => failedAt.has(i));
      fresh.splice(0, fresh.length, ...fresh.filter((_, i) => !failedAt.has(i)));
      const owners = await fetchExisting(
        collectionName,
        raced.map((d) => d._id),
      );
      for (const doc of raced) {
        const owner = owners.get(String(doc._id))?.userId;
        if (owner !== undefined && String(owner) === String(doc.userId)) changed.push(doc);
        else counts.taken.push(doc._id);
      }
    }
  }
  if (changed.length > 0) {
    const ops: AnyBulkWriteOperation[] = changed.map((doc) => ({
      replaceOne: { filter: { _id: doc._id }, replacement: doc, upsert: true },
    }));
    await collection.bulkWrite(ops, { ordered: false });
  }
  counts.inserted = fresh.map((d) => d._id as Types.ObjectId);
  counts.updated = changed.map((d) => d._id as Types.ObjectId);
  return counts;
}

import { isDeepStrictEqual } from 'node:util';
import mongoose from 'mongoose';
import type { AnyBulkWriteOperation, Document, MongoBulkWriteError } from 'mongodb';
import type { Types } from 'mongoose';

export interface WriteCounts {
  inserted: Types.ObjectId[];
  updated: Types.ObjectId[];
  unchanged: number;
}

const DUPLICATE_KEY = 11000;

/**
 * Writes one batch of documents to a native collection by `_id`, comparing first: an unchanged
 * document is not written and counts as unchanged, so a second run writes nothing. Documents not
 * there go in with one insertMany and the changed ones with replaceOne upserts: on FerretDB a bulk
 * of upserts costs 17 ms or more per item where an insertMany is one quick write (measured for the
 * search queue, ml/index/queue.ts). A document inserted by someone else between the read and the
 * write (a second import of the same archive) makes its insert fail on the key; it is replaced then.
 */
export async function writeBatch(
  collectionName: string,
  docs: readonly (Document & { _id: Types.ObjectId })[],
): Promise<WriteCounts> {
  const collection = mongoose.connection.collection(collectionName);
  const existing = new Map<string, Document>();
  for (const doc of await collection.find({ _id: { $in: docs.map((d) => d._id) } }).toArray()) {
    existing.set(String(doc._id), doc);
  }
  const counts: WriteCounts = { inserted: [], updated: [], unchanged: 0 };
  const fresh: Document[] = [];
  const changed: Document[] = [];
  for (const doc of docs) {
    const stored = existing.get(String(doc._id));
    if (!stored) fresh.push(doc);
    else if (isDeepStrictEqual(stored, doc)) counts.unchanged++;
    else changed.push(doc);
  }
  if (fresh.length > 0) {
    try {
      await collection.insertMany(fresh, { ordered: false });
    } catch (error) {
      const failed = (error as MongoBulkWriteError).writeErrors;
      const list = Array.isArray(failed) ? failed : failed ? [failed] : [];
      if (list.length === 0 || list.some((e) => e.code !== DUPLICATE_KEY)) throw error;
      const taken = new Set(list.map((e) => e.index));
      changed.push(...fresh.filter((_, i) => taken.has(i)));
      fresh.splice(0, fresh.length, ...fresh.filter((_, i) => !taken.has(i)));
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

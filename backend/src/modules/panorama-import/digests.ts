import { createHash } from 'node:crypto';
import mongoose from 'mongoose';
import type { Types } from 'mongoose';

/**
 * JSON of a document with its keys sorted and its ObjectIds and Dates tagged: the same text for a
 * mapped document and its stored copy, whatever order the database gives the keys back in.
 */
function canonical(value: unknown): unknown {
  if (value instanceof Date) return { $date: value.getTime() };
  // By its tag: mongoose's and the driver's ObjectIds may come from two copies of bson.
  const tag = (value as { _bsontype?: string } | null)?._bsontype;
  if (tag === 'ObjectId') return { $oid: (value as Types.ObjectId).toHexString() };
  if (tag !== undefined) return { [`$${tag}`]: String(value) };
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

/** A document's content in 20 bytes (SHA-1 as base64): equal digests, equal documents. */
export const digestOf = (doc: object) =>
  createHash('sha1')
    .update(JSON.stringify(canonical(doc)))
    .digest('base64');

/** What one read of a collection tells about the user's documents there. */
export interface StoredDigests {
  /** The digest of every document, by `_id`. */
  digests: Map<string, string>;
  /** How many of them came from an import (they have a `legacyId`). */
  imported: number;
}

/**
 * The digest of every document the user has in a collection, by `_id`, from one read of the
 * collection. Comparing a batch against it costs no read: on FerretDB any query but a lone `_id`
 * equality scans the whole collection, and reading a 100,000-document import back one `_id` at a
 * time took longer than the import. Some 150 bytes an entry: 100,000 documents hold 15 MB.
 */
export async function storedDigests(collectionName: string, userId: Types.ObjectId): Promise<StoredDigests> {
  const stored: StoredDigests = { digests: new Map(), imported: 0 };
  const cursor = mongoose.connection.collection(collectionName).find({ userId }, { batchSize: 1000 });
  for await (const doc of cursor) {
    stored.digests.set(String(doc._id), digestOf(doc));
    if (doc.legacyId !== undefined) stored.imported++;
  }
  return stored;
}

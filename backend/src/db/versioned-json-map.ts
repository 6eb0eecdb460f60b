import type { Collection, Document } from 'mongodb';
import { isDuplicateKey } from './duplicate-key.ts';

/**
 * A map kept as one JSON string in one document addressed by `_id`, the one lookup FerretDB
 * pushes down: FerretDB v1 reads and writes one long string in a few ms, where a document of
 * thousands of fields or array items takes hundreds (budget/books/model.ts measured it).
 * `entries` is null while an owner builds the map from its source (people/lookup.ts): a change
 * then only bumps `v`, so the builder's write, conditional on the `v` it claimed, fails.
 */
export interface VersionedJsonMapDoc {
  _id: string;
  v: number;
  entries: string | null;
}

/** An entry to set, or null to drop it, by key. */
export type JsonMapChange<T> = ReadonlyMap<string, T | null>;

/** The stored map, null when the document is missing or being built. */
export async function readJsonMap<T>(collection: Collection<Document>, _id: string): Promise<Record<string, T> | null> {
  const doc = (await collection.findOne({ _id } as never)) as VersionedJsonMapDoc | null;
  return doc?.entries ? (JSON.parse(doc.entries) as Record<string, T>) : null;
}

type Batch = { change: Map<string, unknown>; done: Promise<void> };
/** Per map (collection and `_id`), the changes waiting for the write in flight, and that write. */
const waiting = new Map<string, Batch>();
const inFlight = new Map<string, Promise<void>>();

/**
 * Merges `change` into the map. A missing document is inserted with `onInsert`'s fields beside
 * `_id`, `v` and `entries` (every caller of one map passes the same); with `onInsert` null it stays
 * missing, for owners that build the map from its source on the next read.
 *
 * Writes to one map from this process go one at a time, and changes that arrive while one is in
 * flight are merged into the next: FerretDB's conditional updates are not atomic (two writers
 * racing on `v` both "succeed" and one change is lost, the test shows it), and one write of the
 * merged changes costs what each would. Writers in other processes are kept apart by `v` only,
 * so owners rebuild their maps from the source (nightly) for what a race between instances lost.
 */
export function changeJsonMap<T>(
  collection: Collection<Document>,
  _id: string,
  onInsert: Readonly<Record<string, unknown>> | null,
  change: JsonMapChange<T>,
): Promise<void> {
  if (change.size === 0) return Promise.resolve();
  const key = `${collection.collectionName}\u0000${_id}`;
  let batch = waiting.get(key);
  if (!batch) {
    const merged = new Map<string, unknown>();
    const start = () => {
      waiting.delete(key); // changes from now on wait for the next write
      return writeChange(collection, _id, onInsert, merged);
    };
    const done = (inFlight.get(key) ?? Promise.resolve()).then(start, start);
    const forget = () => {
      if (inFlight.get(key) === done) inFlight.delete(key);
    };
    done.then(forget, forget);
    inFlight.set(key, done);
    batch = { change: merged, done };
    waiting.set(key, batch);
  }
  for (const [entryKey, entry] of change) batch.change.set(entryKey, entry);
  return batch.done;
}

/** Read, change, write back if no one wrote meanwhile (`v`), else again; a racing insert wins and this retries as an update. */
async function writeChange(
  collection: Collection<Document>,
  _id: string,
  onInsert: Readonly<Record<string, unknown>> | null,
  change: ReadonlyMap<string, unknown>,
) {
  for (;;) {
    const doc = (await collection.findOne({ _id } as never)) as VersionedJsonMapDoc | null;
    if (!doc && !onInsert) return;
    const entries = doc?.entries === null ? null : doc ? (JSON.parse(doc.entries) as Record<string, unknown>) : {};
    for (const [key, entry] of entries ? change : []) {
      if (entry) entries![key] = entry;
      else delete entries![key];
    }
    const text = entries && JSON.stringify(entries);
    if (!doc) {
      try {
        await collection.insertOne({ ...onInsert, _id, v: 1, entries: text } as never);
        return;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        continue;
      }
    }
    const set = text === null ? { v: doc.v + 1 } : { entries: text, v: doc.v + 1 };
    const { modifiedCount } = await collection.updateOne({ _id, v: doc.v } as never, { $set: set });
    if (modifiedCount === 1) return;
  }
}

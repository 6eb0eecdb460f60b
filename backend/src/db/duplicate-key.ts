import { MongoBulkWriteError } from 'mongodb';
import type { Collection, OptionalUnlessRequiredId } from 'mongodb';

/** MongoDB's (and FerretDB's) code for a write refused because a unique key, often `_id`, is taken. */
const DUPLICATE_KEY = 11000;

type WriteFailure = { code?: number; err?: { code?: number } };

/** Whether a write failed because its unique key is taken: the decision of every "first insert wins". */
export const isDuplicateKey = (error: unknown) => (error as WriteFailure | null)?.code === DUPLICATE_KEY;

/** Whether every write of a failed unordered bulk insert (or the single write) failed on a taken key. */
export function onlyDuplicateKeys(error: unknown): boolean {
  const writeErrors = (error as { writeErrors?: WriteFailure | WriteFailure[] } | null)?.writeErrors;
  if (writeErrors === undefined) return isDuplicateKey(error);
  return [writeErrors].flat().every((failure) => (failure.code ?? failure.err?.code) === DUPLICATE_KEY);
}

/**
 * Inserts the documents in one unordered command and returns those whose _id was already taken.
 * Write paths that take many items at once are built on this because FerretDB (the local default)
 * answers a duplicate key at once and stores a whole insertMany in one SQLite transaction, while
 * every delete or update, even by _id, scans the whole collection, and a bulk of upserts is one
 * transaction per document (a reindex queued about 15 items a second that way).
 */
export async function insertNew<T extends { _id: string }>(collection: Collection<T>, docs: T[]): Promise<T[]> {
  if (docs.length === 0) return [];
  try {
    await collection.insertMany(docs as OptionalUnlessRequiredId<T>[], { ordered: false });
    return [];
  } catch (error) {
    if (!(error instanceof MongoBulkWriteError) || !onlyDuplicateKeys(error)) throw error;
    return [error.writeErrors].flat().map((failure) => docs[failure.index]!);
  }
}

import mongoose from 'mongoose';
import type { Logger } from 'pino';

export const ERRORS_COLLECTION = 'errors';

export interface ErrorRecord {
  at: Date;
  requestId?: string | undefined;
  userId?: string | undefined;
  method?: string | undefined;
  path?: string | undefined;
  name: string;
  message: string;
  stack?: string | undefined;
}

/**
 * Unexpected errors are kept in a capped collection, so an admin can read the recent ones
 * without the collection ever outgrowing its size.
 */
export function createErrorLog(options: { capBytes: number; log: Logger }) {
  async function ensureCollection() {
    const db = mongoose.connection.db;
    if (!db) return;
    const existing = await db.listCollections({ name: ERRORS_COLLECTION }).toArray();
    if (existing.length === 0) {
      await db.createCollection(ERRORS_COLLECTION, { capped: true, size: options.capBytes, max: 10_000 });
    }
  }

  /** Never throws: failing to record an error must not hide the error itself. */
  async function record(entry: ErrorRecord) {
    try {
      await mongoose.connection.db?.collection<ErrorRecord>(ERRORS_COLLECTION).insertOne({ ...entry });
    } catch (error) {
      options.log.warn({ err: error }, 'could not store error record');
    }
  }

  return { ensureCollection, record };
}

export type ErrorLog = ReturnType<typeof createErrorLog>;

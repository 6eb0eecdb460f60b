import { MongoServerError } from 'mongodb';

/**
 * Whether the database refused a command because it was busy, not because of the command: FerretDB's
 * SQLite allows one writer at a time and gives up after its lock wait (10 s), answering "database is
 * locked (SQLITE_BUSY)" with code 1, as it did for a people list built beside a 10,000-person import.
 * The same command a moment later succeeds, so a request answers 503 with Retry-After, not 500.
 */
export const isDatabaseBusy = (error: unknown) => error instanceof MongoServerError && error.message.includes('SQLITE_BUSY');

/**
 * Runs `work` again while the database answers busy, waiting longer each time (from `firstWaitMs`,
 * doubling up to 8 s) until `patienceMs` have passed: for a bulk writer in a process of its own (the
 * Panorama import beside a running app), whose batch failed busy while the app held the write lock,
 * and for which one busy answer must not end a run of thousands of documents. `work` must be safe
 * to run again: a busy command changed nothing. A request does not wait: it answers 503.
 */
export async function whileBusy<T>(
  work: () => Promise<T>,
  { patienceMs = 120_000, firstWaitMs = 500 }: { patienceMs?: number; firstWaitMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + patienceMs;
  for (let waitMs = firstWaitMs; ; waitMs = Math.min(waitMs * 2, 8000)) {
    try {
      return await work();
    } catch (error) {
      if (!isDatabaseBusy(error) || Date.now() + waitMs > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }
}

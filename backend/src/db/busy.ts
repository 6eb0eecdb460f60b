import { MongoServerError } from 'mongodb';

/**
 * Whether the database refused a command because it was busy, not because of the command: FerretDB's
 * SQLite allows one writer at a time and gives up after its lock wait (10 s), answering "database is
 * locked (SQLITE_BUSY)" with code 1, as it did for a people list built beside a 10,000-person import.
 * The same command a moment later succeeds, so a request answers 503 with Retry-After, not 500.
 */
export const isDatabaseBusy = (error: unknown) => error instanceof MongoServerError && error.message.includes('SQLITE_BUSY');

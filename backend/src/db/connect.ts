import mongoose from 'mongoose';

// Filters go to the database as written: no silent dropping of unknown fields.
mongoose.set('strictQuery', 'throw');

export async function connectDatabase(uri: string, dbName?: string) {
  await mongoose.connect(uri, {
    ...(dbName ? { dbName } : {}),
    serverSelectionTimeoutMS: 10_000,
    // Built by buildIndexes (indexes.ts) before the first request, which knows which engine this is.
    autoIndex: false,
  });
  return mongoose.connection;
}

export async function pingDatabase(): Promise<boolean> {
  try {
    const db = mongoose.connection.db;
    if (!db) return false;
    await db.admin().ping();
    return true;
  } catch {
    return false;
  }
}

export async function disconnectDatabase() {
  await mongoose.disconnect();
}

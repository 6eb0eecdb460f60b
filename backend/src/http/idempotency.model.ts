import { Schema, model } from 'mongoose';

/** How long a key is remembered (the draft suggests at least 24 hours). */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;

/**
 * One document per Idempotency-Key a user sent to a create route. `_id` is `<userId>:<key>`: its
 * uniqueness decides which of two simultaneous requests runs (FerretDB has no atomic
 * findOneAndUpdate), a lookup is a lone `_id` equality (the one FerretDB pushes down), and a key
 * can never reach another user's answer. `status` and `body` are empty while the first request
 * runs. Not an owned model (no tenancy plugin): every query names the full `_id`, user included.
 */
const idempotencyKeySchema = new Schema(
  {
    _id: String,
    userId: { type: Schema.Types.ObjectId, required: true },
    /** Method, route and validated input: the same key with another request is refused. */
    fingerprint: { type: String, required: true },
    status: { type: Number, default: null },
    /** The answer's JSON text, replayed byte for byte. */
    body: { type: String, default: null },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);

export const IdempotencyKeyModel = model('IdempotencyKey', idempotencyKeySchema);

const NOT_IMPLEMENTED = 238;
const PURGE_EVERY_MS = 60 * 60 * 1000;
let expiry: Promise<'ttl' | 'by-hand'> | undefined;
let lastPurge = 0;

/**
 * Keys older than a day go away: MongoDB drops them with a TTL index. FerretDB 1.x refuses TTL
 * indexes (not declared in the schema, where it would stop the model's init), so there they are
 * purged by hand at most hourly; readers check the age anyway.
 */
export async function expireOldKeys() {
  expiry ??= IdempotencyKeyModel.collection.createIndex({ createdAt: 1 }, { expireAfterSeconds: IDEMPOTENCY_TTL_SECONDS }).then(
    () => 'ttl' as const,
    (error: unknown) => {
      if ((error as { code?: number }).code === NOT_IMPLEMENTED) return 'by-hand' as const;
      expiry = undefined; // a passing failure: try again next time
      throw error;
    },
  );
  if ((await expiry) === 'ttl' || Date.now() - lastPurge < PURGE_EVERY_MS) return;
  lastPurge = Date.now();
  await IdempotencyKeyModel.deleteMany({ createdAt: { $lt: new Date(Date.now() - IDEMPOTENCY_TTL_SECONDS * 1000) } });
}

import { Schema, model } from 'mongoose';
import type { JobDefinition } from '../jobs/runner.ts';

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

idempotencyKeySchema.index({ createdAt: 1 }); // the purge's range

export const IdempotencyKeyModel = model('IdempotencyKey', idempotencyKeySchema);

/**
 * Keys older than a day go away with an hourly job, as expired refresh tokens do: FerretDB 1.x
 * refuses TTL indexes, and a purge inside a request made one user's create pay for the scan.
 * Readers check the age anyway, so a key past its day is never replayed.
 */
export const idempotencyJobs: JobDefinition[] = [
  {
    name: 'http.purge-idempotency-keys',
    every: '1 hour',
    run: async () =>
      void (await IdempotencyKeyModel.deleteMany({ createdAt: { $lt: new Date(Date.now() - IDEMPOTENCY_TTL_SECONDS * 1000) } })),
  },
];

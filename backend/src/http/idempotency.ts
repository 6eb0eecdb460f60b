import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { idempotencyKey } from '@panoramix/contracts';
import type { Request } from 'express';
import { HttpError, conflict, fromZod, problemTypes } from './problem.ts';
import { IDEMPOTENCY_TTL_SECONDS, IdempotencyKeyModel } from './idempotency.model.ts';
import type { UploadedFile } from './upload.ts';
import { isDuplicateKey } from '../db/duplicate-key.ts';

/** A stored answer to replay. */
export interface Replay {
  status: number;
  body: string;
}

/** The request's key, or undefined without the header; a malformed key is a 400. */
export function readIdempotencyKey(req: Request): string | undefined {
  const header = req.get('idempotency-key');
  if (header === undefined) return undefined;
  const parsed = idempotencyKey.safeParse(header);
  if (!parsed.success) throw fromZod('headers.Idempotency-Key', parsed.error);
  return parsed.data;
}

/** A create runs in well under this (an upload's bytes are received before the key is claimed). */
const ABANDONED_AFTER_MS = 5 * 60 * 1000;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function fileDigest(file: UploadedFile): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file.path)) hash.update(chunk as Buffer);
  return `${file.originalname}:${file.size}:${hash.digest('hex')}`;
}

/** What makes two requests "the same": route, validated params and body (in schema order), the file's bytes. */
export async function fingerprint(req: Request, input: { params: unknown; body: unknown }, file?: UploadedFile) {
  const parts = [req.method, req.route?.path ?? req.path, JSON.stringify(input.params), JSON.stringify(input.body ?? null)];
  if (file) parts.push(await fileDigest(file));
  return sha256(parts.join('\n'));
}

const reused = () =>
  new HttpError(
    422,
    problemTypes.idempotencyKeyReused,
    'Idempotency-Key reused',
    'This Idempotency-Key was sent with another request; use a new key for a new request',
  );
const inFlight = () => conflict('A request with this Idempotency-Key is still running; retry once it has answered');

/**
 * Decides what a request carrying an Idempotency-Key does: run (the key is now claimed),
 * replay a finished answer, or be refused (422 another request, 409 still running).
 */
export async function claimIdempotencyKey(userId: string, key: string, print: string): Promise<Replay | undefined> {
  const _id = `${userId}:${key}`;
  // Two rounds: a key released (failed request) or expired between our insert and our read is claimable again.
  for (let round = 0; round < 2; round++) {
    try {
      await IdempotencyKeyModel.create({ _id, userId, fingerprint: print, createdAt: new Date() });
      return undefined;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    const existing = await IdempotencyKeyModel.findById(_id).lean();
    if (!existing) continue;
    const age = Date.now() - existing.createdAt.getTime();
    const running = typeof existing.status !== 'number' || typeof existing.body !== 'string';
    // Expired, or claimed by a request that never finished (its instance stopped mid-way): free again.
    if (age > IDEMPOTENCY_TTL_SECONDS * 1000 || (running && age > ABANDONED_AFTER_MS)) {
      await IdempotencyKeyModel.deleteOne({ _id, createdAt: existing.createdAt });
      continue;
    }
    if (running) throw inFlight();
    if (existing.fingerprint !== print) throw reused();
    return { status: existing.status!, body: existing.body! };
  }
  throw inFlight();
}

/** The first answer, kept for the retries. */
export async function completeIdempotencyKey(userId: string, key: string, answer: Replay) {
  await IdempotencyKeyModel.updateOne({ _id: `${userId}:${key}` }, { $set: answer });
}

/** The request failed: a retry with the key runs again rather than replaying an error. */
export async function releaseIdempotencyKey(userId: string, key: string) {
  await IdempotencyKeyModel.deleteOne({ _id: `${userId}:${key}` });
}

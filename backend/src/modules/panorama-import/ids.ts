import { createHash } from 'node:crypto';
import { Types } from 'mongoose';

/**
 * The ObjectId a Panorama id becomes: the first 12 bytes of SHA-256 of `<family>:<id>`. The same
 * id gives the same ObjectId on every run and every machine, so a re-run replaces instead of
 * duplicating and every reference to it is rewritten to the same value. The family (the archive's
 * collection name) keeps a task and a note that happen to share a Meteor id apart.
 */
export function legacyObjectId(family: string, legacyId: string): Types.ObjectId {
  return new Types.ObjectId(createHash('sha256').update(`${family}:${legacyId}`).digest().subarray(0, 12));
}

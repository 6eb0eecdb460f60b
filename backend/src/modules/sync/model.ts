import { syncCollections } from '@panoramix/contracts';
import { Schema, model } from 'mongoose';
import type { InferSchemaType, Types } from 'mongoose';

/**
 * An item that left the sight of some users (deleted, moved to a project they are not in, its
 * project left or deleted): the ids a replica must drop when it asks what changed. Not owned
 * (one tombstone serves every user who saw the item), so each query names `userIds` itself.
 */
const tombstoneSchema = new Schema({
  kind: { type: String, enum: syncCollections, required: true }, // the synced collection (`collection` is reserved by Mongoose)
  itemId: { type: Schema.Types.ObjectId, required: true },
  /** Who must drop it: the audience of the `<entity>.deleted` event. */
  userIds: { type: [Schema.Types.ObjectId], required: true },
  at: { type: Date, required: true },
});
tombstoneSchema.index({ userIds: 1, kind: 1, at: 1 });
tombstoneSchema.index({ at: 1 }); // the hourly purge; FerretDB refuses TTL indexes

export const TombstoneModel = model('SyncTombstone', tombstoneSchema, 'sync_tombstones');
export type TombstoneDoc = InferSchemaType<typeof tombstoneSchema> & { _id: Types.ObjectId };

/**
 * When a user began to see a project's content (`_id` is `<projectId>:<userId>`, so recording it
 * again is a refused duplicate and the first date stays). A member added to a project sees items
 * whose `updatedAt` is older than their replica's version: the changes since then include the
 * whole content of the projects they joined. Deleted when they leave, so joining again counts.
 */
const grantSchema = new Schema({
  _id: { type: String, required: true },
  projectId: { type: Schema.Types.ObjectId, required: true },
  userId: { type: Schema.Types.ObjectId, required: true },
  at: { type: Date, required: true },
});
grantSchema.index({ userId: 1, at: 1 });

export const GrantModel = model('SyncGrant', grantSchema, 'sync_grants');
export const grantId = (projectId: string, userId: string) => `${projectId}:${userId}`;

import { Schema, model } from 'mongoose';
import type { InferSchemaType, Types } from 'mongoose';
import { ownedPlugin, ownerField } from '../../../db/tenancy.ts';

/**
 * A user's private ICS feed. Only the SHA-256 of its secret is kept: the address is shown once,
 * and a copy of the database does not open anyone's calendar.
 */
const feedSchema = new Schema(
  {
    userId: { ...ownerField, index: false },
    secretHash: { type: String, required: true },
  },
  { timestamps: true },
);
feedSchema.plugin(ownedPlugin);
feedSchema.index({ userId: 1 }, { unique: true });

export const CalendarFeedModel = model('CalendarFeed', feedSchema);
export type CalendarFeedDoc = InferSchemaType<typeof feedSchema> & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };

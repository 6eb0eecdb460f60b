import { subscriptionFetchReasons } from '@panoramix/contracts';
import { Schema, model } from 'mongoose';
import type { InferSchemaType, Types } from 'mongoose';
import { ownedPlugin, ownerField } from '../../../db/tenancy.ts';

const subscriptionSchema = new Schema(
  {
    userId: ownerField,
    name: { type: String, required: true, trim: true },
    url: { type: String, required: true },
    intervalMinutes: { type: Number, required: true },
    /** When the scheduler queues the next fetch; moved one interval on by the write that claims it. */
    nextFetchAt: { type: Date, required: true },
    /** Set when a fetch is queued, cleared by the fetch that ends: the DTO's `refreshing`. */
    refreshRequestedAt: { type: Date, default: null },
    lastFetchedAt: { type: Date, default: null },
    etag: { type: String, default: null },
    lastModified: { type: String, default: null },
    lastError: {
      type: new Schema(
        { reason: { type: String, enum: subscriptionFetchReasons, required: true }, message: String, at: Date },
        { _id: false },
      ),
      default: null,
    },
    lastCounts: {
      type: new Schema(
        { created: Number, updated: Number, removed: Number, skipped: Number, notModified: Boolean },
        { _id: false },
      ),
      default: null,
    },
  },
  { timestamps: true },
);
subscriptionSchema.plugin(ownedPlugin);
subscriptionSchema.index({ userId: 1, name: 1 });
subscriptionSchema.index({ nextFetchAt: 1 });

export const CalendarSubscriptionModel = model('CalendarSubscription', subscriptionSchema);
export type CalendarSubscriptionDoc = InferSchemaType<typeof subscriptionSchema> & {
  _id: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
};

/**
 * A scheduled fetch claimed: `<subscriptionId>:<due time>`, taken by a unique insert, since
 * FerretDB's conditional updates are not atomic and two schedulers could both move the same due
 * time on. Claims older than a day are dropped by the scheduler.
 */
const claimSchema = new Schema(
  { _id: { type: String, required: true }, at: { type: Date, required: true } },
  { versionKey: false },
);
claimSchema.index({ at: 1 });
export const CalendarSubscriptionClaimModel = model('CalendarSubscriptionClaim', claimSchema, 'calendar_subscription_claims');

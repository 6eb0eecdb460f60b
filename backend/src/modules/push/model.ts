import { Schema, model } from 'mongoose';
import type { InferSchemaType, Types } from 'mongoose';
import { ownedPlugin, ownerField } from '../../db/tenancy.ts';

/** One device's push address (contracts/push.ts), owned by the user whose sign-in registered it. */
const subscriptionSchema = new Schema(
  {
    userId: ownerField,
    /** The sign-in that registered it: signing that device out stops its pushes at once. Null for a token without one. */
    sessionId: { type: String, default: null },
    endpoint: { type: String, required: true },
    /** RFC 8291's keys: pushes then carry their content, encrypted for the device. */
    keys: { type: new Schema({ p256dh: String, auth: String }, { _id: false }), default: null },
  },
  { timestamps: true, versionKey: false },
);
subscriptionSchema.plugin(ownedPlugin);
// One subscription per address: a device registering again (or for another account) replaces it.
subscriptionSchema.index({ endpoint: 1 }, { unique: true });
subscriptionSchema.index({ userId: 1 });

export const PushSubscriptionModel = model('PushSubscription', subscriptionSchema, 'push_subscriptions');
export type PushSubscriptionDoc = InferSchemaType<typeof subscriptionSchema> & {
  _id: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
};

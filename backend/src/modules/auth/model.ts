import { Schema, model } from 'mongoose';

/**
 * Refresh tokens are stored hashed. Each rotation marks the old token used and issues
 * a new one in the same family; presenting a used token again revokes the whole family.
 */
const refreshTokenSchema = new Schema(
  {
    tokenHash: { type: String, required: true, unique: true },
    userId: { type: Schema.Types.ObjectId, required: true, index: true },
    familyId: { type: String, required: true, index: true },
    expiresAt: { type: Date, required: true },
    usedAt: { type: Date, default: null },
    revokedAt: { type: Date, default: null },
  },
  { timestamps: true },
);

export const RefreshTokenModel = model('RefreshToken', refreshTokenSchema);

/** One-off instance flags whose `_id` uniqueness settles races (e.g. who becomes the first admin). */
const instanceFlagSchema = new Schema({ _id: String, value: Schema.Types.Mixed }, { timestamps: true });
export const InstanceFlagModel = model('InstanceFlag', instanceFlagSchema);

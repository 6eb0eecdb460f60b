import { Schema, model } from 'mongoose';
import type { InferSchemaType, Types } from 'mongoose';
import { roles } from '@panoramix/contracts';

const userSchema = new Schema(
  {
    username: { type: String, required: true, unique: true, lowercase: true, trim: true },
    displayName: { type: String, required: true, trim: true },
    passwordHash: { type: String, required: true },
    role: { type: String, enum: roles, required: true, default: 'user' },
    disabled: { type: Boolean, required: true, default: false },
    /** Bumped on password change: access tokens issued before it stop working. */
    sessionEpoch: { type: Number, required: true, default: 0 },
  },
  { timestamps: true },
);

export const UserModel = model('User', userSchema);
export type UserDoc = InferSchemaType<typeof userSchema> & { _id: Types.ObjectId };

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

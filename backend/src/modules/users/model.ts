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
    /** An image file of this user's (files module) shown as their avatar. */
    avatarFileId: { type: Schema.Types.ObjectId, default: null },
    /** Bumped on password change: access tokens issued before it stop working. */
    sessionEpoch: { type: Number, required: true, default: 0 },
    /** The order-key bound of this user's inbox tasks: see tasks/rank.ts (projects keep theirs, `taskTopRank`). */
    inboxTaskTopRank: { type: String, default: null },
  },
  { timestamps: true },
);

export const UserModel = model('User', userSchema);
export type UserDoc = InferSchemaType<typeof userSchema> & { _id: Types.ObjectId };

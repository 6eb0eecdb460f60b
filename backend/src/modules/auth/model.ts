import { Schema, model } from 'mongoose';

/**
 * Refresh tokens are stored hashed. Each rotation consumes the old token (see
 * RefreshClaimModel) and issues a new one in the same family; presenting a consumed token
 * again revokes the whole family.
 */
const refreshTokenSchema = new Schema(
  {
    tokenHash: { type: String, required: true, unique: true },
    userId: { type: Schema.Types.ObjectId, required: true, index: true },
    familyId: { type: String, required: true, index: true },
    expiresAt: { type: Date, required: true },
    // Set by versions before RefreshClaimModel: such a token is consumed. Read only, until the last
    // of them expires (REFRESH_TOKEN_TTL_DAYS after the upgrade).
    usedAt: { type: Date, default: null },
    revokedAt: { type: Date, default: null },
  },
  { timestamps: true },
);

// The hourly clean-up deletes what has expired.
refreshTokenSchema.index({ expiresAt: 1 });
export const RefreshTokenModel = model('RefreshToken', refreshTokenSchema);

/**
 * One document per consumed refresh token, `_id` its hash. Inserting it is the rotation's
 * decision: `_id` is unique on MongoDB and FerretDB alike, so of several simultaneous
 * rotations exactly one insert succeeds (FerretDB's findOneAndUpdate is not atomic).
 */
const refreshClaimSchema = new Schema(
  { _id: String, familyId: { type: String, required: true }, expiresAt: { type: Date, required: true } },
  { timestamps: { createdAt: true, updatedAt: false } },
);
refreshClaimSchema.index({ expiresAt: 1 });
export const RefreshClaimModel = model('RefreshClaim', refreshClaimSchema);

/** One-off instance flags whose `_id` uniqueness settles races (e.g. who becomes the first admin). */
const instanceFlagSchema = new Schema({ _id: String, value: Schema.Types.Mixed }, { timestamps: true });
export const InstanceFlagModel = model('InstanceFlag', instanceFlagSchema);

/**
 * One sign-in (a browser or a device), `_id` its refresh token family: the sessions list shows
 * these, and revoking one stops its access tokens too (they carry it as `sid`; `_id` equality is
 * the one lookup FerretDB pushes down, so checking it on every request stays cheap).
 */
const authSessionSchema = new Schema(
  {
    _id: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, required: true, index: true },
    userAgent: { type: String, default: '' },
    lastUsedAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    revokedAt: { type: Date, default: null },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
authSessionSchema.index({ expiresAt: 1 });
export const AuthSessionModel = model('AuthSession', authSessionSchema);

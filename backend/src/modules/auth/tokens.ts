import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Role } from '@panoramix/contracts';
import { SignJWT, jwtVerify } from 'jose';
import { unauthorized } from '../../http/problem.ts';
import { AuthSessionModel, RefreshClaimModel, RefreshTokenModel } from './model.ts';
import { isDuplicateKey } from '../../db/duplicate-key.ts';

const ISSUER = 'panoramix';
const AUDIENCE = 'panoramix-api';

export interface AccessClaims {
  sub: string;
  username: string;
  role: Role;
  epoch: number;
  /** The sign-in (refresh token family) the token belongs to; absent from tokens issued before sessions were listed. */
  sid?: string | undefined;
}

/** How much of a User-Agent a session keeps: enough to name the browser and system. */
const USER_AGENT_MAX = 300;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function createTokenService(options: { secret: string; accessTtlSeconds: number; refreshTtlDays: number }) {
  const key = new TextEncoder().encode(options.secret);

  async function signAccess(claims: AccessClaims): Promise<string> {
    return new SignJWT({
      username: claims.username,
      role: claims.role,
      epoch: claims.epoch,
      ...(claims.sid ? { sid: claims.sid } : {}),
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.sub)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${options.accessTtlSeconds}s`)
      .sign(key);
  }

  async function verifyAccess(token: string): Promise<AccessClaims> {
    try {
      // Pinned algorithm and a required expiry: a token that never expires is refused even when correctly signed.
      const { payload } = await jwtVerify(token, key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
        requiredClaims: ['exp', 'sub'],
      });
      return {
        sub: String(payload.sub),
        username: String(payload.username),
        role: payload.role as Role,
        epoch: Number(payload.epoch ?? 0),
        sid: typeof payload.sid === 'string' ? payload.sid : undefined,
      };
    } catch {
      throw unauthorized('Invalid or expired access token');
    }
  }

  const refreshExpiry = () => new Date(Date.now() + options.refreshTtlDays * 86_400_000);

  /** The next refresh token of a sign-in; `familyId` is kept across its rotations. */
  async function issueRefresh(userId: string, familyId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await RefreshTokenModel.create({ tokenHash: hashToken(token), userId, familyId, expiresAt: refreshExpiry() });
    return token;
  }

  /** A new sign-in: its session record (what the sessions list shows), then its first refresh token. */
  async function openFamily(userId: string, userAgent = ''): Promise<{ familyId: string; refreshToken: string }> {
    const familyId = randomUUID();
    const now = new Date();
    await AuthSessionModel.create({
      _id: familyId,
      userId,
      userAgent: userAgent.slice(0, USER_AGENT_MAX),
      lastUsedAt: now,
      expiresAt: refreshExpiry(),
    });
    return { familyId, refreshToken: await issueRefresh(userId, familyId) };
  }

  /** Whether the sign-in `sid` still stands: revoked or purged ones do not. */
  async function isSessionLive(sid: string): Promise<boolean> {
    const session = await AuthSessionModel.findById(sid, { revokedAt: 1 }).lean();
    return !!session && !session.revokedAt;
  }

  /**
   * Exchanges a refresh token for its successor. The unique insert of the consumed token's
   * hash decides: one caller wins, every other one presented a token already used. As OWASP
   * and RFC 9700 §4.14.2 advise, such a replay means the token leaked and the server cannot
   * tell the thief from the owner, so the whole family is revoked (the winner's new token too)
   * and both must sign in again; answering a bare 401 would leave the thief's session alive.
   */
  async function rotateRefresh(token: string): Promise<{ userId: string; familyId: string; next: string }> {
    const tokenHash = hashToken(token);
    const current = await RefreshTokenModel.findOne({ tokenHash }).lean();
    if (!current || current.revokedAt || current.expiresAt <= new Date()) throw unauthorized('Session expired, sign in again');
    if (current.usedAt) return reused(current.familyId);
    const userId = String(current.userId);
    // The successor exists before the claim, so a loser's revocation (which starts after the
    // winner's claim) always reaches it, in whatever order the requests interleave.
    const next = await issueRefresh(userId, current.familyId);
    try {
      await RefreshClaimModel.create({ _id: tokenHash, familyId: current.familyId, expiresAt: current.expiresAt });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      return reused(current.familyId);
    }
    await AuthSessionModel.updateOne({ _id: current.familyId }, { $set: { lastUsedAt: new Date(), expiresAt: refreshExpiry() } });
    return { userId, familyId: current.familyId, next };
  }

  async function reused(familyId: string): Promise<never> {
    await revokeFamily(familyId);
    throw unauthorized('Session expired, sign in again');
  }

  /** Whether `token` is a live refresh token of `userId`: the request comes from one of that user's signed-in devices. */
  async function isLiveFor(token: string, userId: string): Promise<boolean> {
    const tokenHash = hashToken(token);
    const live = await RefreshTokenModel.exists({
      tokenHash,
      userId,
      usedAt: null,
      revokedAt: null,
      expiresAt: { $gt: new Date() },
    });
    return live !== null && (await RefreshClaimModel.exists({ _id: tokenHash })) === null;
  }

  /**
   * A revoked session also expires now, so the hourly purge deletes it; a token naming a session
   * that no longer exists is refused all the same.
   */
  const sessionRevoked = () => {
    const now = new Date();
    return { $set: { revokedAt: now, expiresAt: now } };
  };

  /** Ends one sign-in: its refresh tokens and, through its session record, its access tokens. */
  async function revokeFamily(familyId: string) {
    await AuthSessionModel.updateOne({ _id: familyId, revokedAt: null }, sessionRevoked());
    await RefreshTokenModel.updateMany({ familyId, revokedAt: null }, { $set: { revokedAt: new Date() } });
  }

  async function revokeToken(token: string) {
    const known = await RefreshTokenModel.findOne({ tokenHash: hashToken(token) }).lean();
    if (known) await revokeFamily(known.familyId);
  }

  async function revokeAllOf(userId: string) {
    await AuthSessionModel.updateMany({ userId, revokedAt: null }, sessionRevoked());
    await RefreshTokenModel.updateMany({ userId, revokedAt: null }, { $set: { revokedAt: new Date() } });
  }

  /** The user's sign-ins that still stand, the most recently used first. */
  const liveSessionsOf = (userId: string) =>
    AuthSessionModel.find({ userId, revokedAt: null, expiresAt: { $gt: new Date() } })
      .sort({ lastUsedAt: -1, _id: 1 })
      .lean();

  /** Expired tokens are useless; a job deletes them (TTL indexes are not portable to every backend). */
  async function purgeExpired(): Promise<number> {
    const expired = { expiresAt: { $lt: new Date() } };
    const deleted = await Promise.all([
      RefreshTokenModel.deleteMany(expired),
      RefreshClaimModel.deleteMany(expired),
      AuthSessionModel.deleteMany(expired),
    ]);
    return deleted.reduce((sum, { deletedCount }) => sum + deletedCount, 0);
  }

  return {
    signAccess,
    verifyAccess,
    openFamily,
    isSessionLive,
    rotateRefresh,
    isLiveFor,
    revokeFamily,
    revokeToken,
    revokeAllOf,
    liveSessionsOf,
    purgeExpired,
  };
}

export type TokenService = ReturnType<typeof createTokenService>;

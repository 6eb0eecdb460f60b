import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Role } from '@panoramix/contracts';
import { SignJWT, jwtVerify } from 'jose';
import { unauthorized } from '../../http/problem.ts';
import { RefreshClaimModel, RefreshTokenModel } from './model.ts';
import { isDuplicateKey } from '../../db/duplicate-key.ts';

const ISSUER = 'panoramix';
const AUDIENCE = 'panoramix-api';

export interface AccessClaims {
  sub: string;
  username: string;
  role: Role;
  epoch: number;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function createTokenService(options: { secret: string; accessTtlSeconds: number; refreshTtlDays: number }) {
  const key = new TextEncoder().encode(options.secret);

  async function signAccess(claims: AccessClaims): Promise<string> {
    return new SignJWT({ username: claims.username, role: claims.role, epoch: claims.epoch })
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
      };
    } catch {
      throw unauthorized('Invalid or expired access token');
    }
  }

  /** A new refresh token; `familyId` is kept across rotations of one sign-in. */
  async function issueRefresh(userId: string, familyId: string = randomUUID()): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + options.refreshTtlDays * 86_400_000);
    await RefreshTokenModel.create({ tokenHash: hashToken(token), userId, familyId, expiresAt });
    return token;
  }

  /**
   * Exchanges a refresh token for its successor. The unique insert of the consumed token's
   * hash decides: one caller wins, every other one presented a token already used. As OWASP
   * and RFC 9700 §4.14.2 advise, such a replay means the token leaked and the server cannot
   * tell the thief from the owner, so the whole family is revoked (the winner's new token too)
   * and both must sign in again; answering a bare 401 would leave the thief's session alive.
   */
  async function rotateRefresh(token: string): Promise<{ userId: string; next: string }> {
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
    return { userId, next };
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

  async function revokeFamily(familyId: string) {
    await RefreshTokenModel.updateMany({ familyId, revokedAt: null }, { $set: { revokedAt: new Date() } });
  }

  async function revokeToken(token: string) {
    const known = await RefreshTokenModel.findOne({ tokenHash: hashToken(token) }).lean();
    if (known) await revokeFamily(known.familyId);
  }

  async function revokeAllOf(userId: string) {
    await RefreshTokenModel.updateMany({ userId, revokedAt: null }, { $set: { revokedAt: new Date() } });
  }

  /** Expired tokens are useless; a job deletes them (TTL indexes are not portable to every backend). */
  async function purgeExpired(): Promise<number> {
    const expired = { expiresAt: { $lt: new Date() } };
    const deleted = await Promise.all([RefreshTokenModel.deleteMany(expired), RefreshClaimModel.deleteMany(expired)]);
    return deleted.reduce((sum, { deletedCount }) => sum + deletedCount, 0);
  }

  return { signAccess, verifyAccess, issueRefresh, rotateRefresh, isLiveFor, revokeToken, revokeAllOf, purgeExpired };
}

export type TokenService = ReturnType<typeof createTokenService>;

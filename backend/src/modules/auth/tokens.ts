import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Role } from '@panoramix/contracts';
import { SignJWT, jwtVerify } from 'jose';
import { unauthorized } from '../../http/problem.ts';
import { RefreshTokenModel } from './model.ts';

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
      const { payload } = await jwtVerify(token, key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
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
   * Exchanges a refresh token for its successor. A token already used (or raced) means it
   * leaked: every token of its family is revoked and the caller must sign in again.
   */
  async function rotateRefresh(token: string): Promise<{ userId: string; next: string }> {
    const now = new Date();
    const claimed = await RefreshTokenModel.findOneAndUpdate(
      { tokenHash: hashToken(token), usedAt: null, revokedAt: null, expiresAt: { $gt: now } },
      { $set: { usedAt: now } },
      { returnDocument: 'after' },
    ).lean();
    if (!claimed) {
      const known = await RefreshTokenModel.findOne({ tokenHash: hashToken(token) }).lean();
      if (known?.usedAt) await revokeFamily(known.familyId);
      throw unauthorized('Session expired, sign in again');
    }
    const next = await issueRefresh(String(claimed.userId), claimed.familyId);
    return { userId: String(claimed.userId), next };
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
    const { deletedCount } = await RefreshTokenModel.deleteMany({ expiresAt: { $lt: new Date() } });
    return deletedCount;
  }

  return { signAccess, verifyAccess, issueRefresh, rotateRefresh, revokeToken, revokeAllOf, purgeExpired };
}

export type TokenService = ReturnType<typeof createTokenService>;

import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/harness.ts';
import { AuthSessionModel, RefreshClaimModel, RefreshTokenModel } from './model.ts';

const ctx = useTestApp();

describe('refresh token purge job', () => {
  it('deletes expired refresh tokens, their claims and sessions through the durable job runner, and keeps live ones', async () => {
    const user = await ctx.app.newUser(); // holds one live token
    await RefreshTokenModel.create({
      tokenHash: 'expired-token-hash',
      userId: user.id,
      familyId: 'old-family',
      expiresAt: new Date(Date.now() - 1000),
    });
    await RefreshClaimModel.create({ _id: 'expired-token-hash', familyId: 'old-family', expiresAt: new Date(Date.now() - 1000) });
    const past = new Date(Date.now() - 1000);
    await AuthSessionModel.create({ _id: 'old-family', userId: user.id, lastUsedAt: past, expiresAt: past });
    await ctx.app.server.jobs.now('auth.purge-expired-refresh-tokens');
    const left = async () => [
      await RefreshTokenModel.exists({ tokenHash: 'expired-token-hash' }),
      await RefreshClaimModel.exists({ _id: 'expired-token-hash' }),
      await AuthSessionModel.exists({ _id: 'old-family' }),
    ];
    await expect.poll(left).toEqual([null, null, null]);
    expect(await RefreshTokenModel.countDocuments({ userId: user.id })).toBe(1);
    expect(await AuthSessionModel.countDocuments({ userId: user.id })).toBe(1); // the sign-up's
  });
});

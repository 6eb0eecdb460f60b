import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/harness.ts';
import { RefreshClaimModel, RefreshTokenModel } from './model.ts';

const ctx = useTestApp();

describe('refresh token purge job', () => {
  it('deletes expired refresh tokens and their claims through the durable job runner, and keeps live ones', async () => {
    const user = await ctx.app.newUser(); // holds one live token
    await RefreshTokenModel.create({
      tokenHash: 'expired-token-hash',
      userId: user.id,
      familyId: 'old-family',
      expiresAt: new Date(Date.now() - 1000),
    });
    await RefreshClaimModel.create({ _id: 'expired-token-hash', familyId: 'old-family', expiresAt: new Date(Date.now() - 1000) });
    await ctx.app.server.jobs.now('auth.purge-expired-refresh-tokens');
    await expect.poll(() => RefreshTokenModel.countDocuments({ tokenHash: 'expired-token-hash' }), { timeout: 5000 }).toBe(0);
    expect(await RefreshTokenModel.countDocuments({ userId: user.id })).toBe(1);
    expect(await RefreshClaimModel.exists({ _id: 'expired-token-hash' })).toBeNull();
  });
});

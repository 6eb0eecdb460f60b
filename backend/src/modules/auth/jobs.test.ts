import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../../../test/harness.ts';
import type { TestApp } from '../../../test/harness.ts';
import { RefreshTokenModel } from './model.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe('refresh token purge job', () => {
  it('deletes expired refresh tokens through the durable job runner, and keeps live ones', async () => {
    const user = await app.newUser(); // holds one live token
    await RefreshTokenModel.create({
      tokenHash: 'expired-token-hash',
      userId: user.id,
      familyId: 'old-family',
      expiresAt: new Date(Date.now() - 1000),
    });
    await app.server.jobs.now('auth.purge-expired-refresh-tokens');
    await expect.poll(() => RefreshTokenModel.countDocuments({ tokenHash: 'expired-token-hash' }), { timeout: 5000 }).toBe(0);
    expect(await RefreshTokenModel.countDocuments({ userId: user.id })).toBe(1);
  });
});

import type { Session } from '@panoramix/contracts';

/** A signed-in session as the server answers it, for the data layer's tests. */
export const testSession = (token: string): Session => ({
  accessToken: token,
  expiresIn: 900,
  user: {
    id: 'a'.repeat(24),
    username: 'ada',
    displayName: 'Ada',
    role: 'admin',
    disabled: false,
    avatarFileId: null,
    createdAt: '2026-01-01T00:00:00.000Z',
  },
});

import type { Logger } from 'pino';
import { UserModel } from '../users/model.ts';
import type { AuthService } from './service.ts';

export const DEV_ADMIN = { username: 'david', password: 'test123' } as const;

/** Development only: the admin account the README promises, created once. */
export async function seedDevAdmin(auth: AuthService, log: Logger) {
  if (await UserModel.exists({ username: DEV_ADMIN.username })) return;
  await auth.createAccount({ ...DEV_ADMIN, displayName: 'David', role: 'admin' });
  log.info({ username: DEV_ADMIN.username }, 'seeded development admin');
}

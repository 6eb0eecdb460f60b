import type { AuthUser } from '../../../http/auth-guard.ts';
import { UserModel } from '../../users/model.ts';

/**
 * The account behind work done without a session (a feed read, a subscription's fetch), as a
 * caller; null when it is gone or disabled, whose feed and fetches stop with its sign-ins.
 */
export async function activeOwner(userId: string): Promise<AuthUser | null> {
  const user = await UserModel.findOne({ _id: userId, disabled: false }, { username: 1, role: 1 }).lean();
  return user ? { id: userId, username: user.username, role: user.role } : null;
}

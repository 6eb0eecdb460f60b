import type { Role, User } from '@panoramix/contracts';
import type { AuthUser } from '../../http/auth-guard.ts';
import { conflict, notFound } from '../../http/problem.ts';
import { after, byOldest, sortOf, toPage } from '../../lib/pagination.ts';
import { UserModel } from './model.ts';
import type { UserDoc } from './model.ts';
import type { AuthService } from '../auth/service.ts';
import { toUserDto } from '../auth/service.ts';
import type { TokenService } from '../auth/tokens.ts';
import type { EventBus } from '../../realtime/event-bus.ts';

/** Account administration; the routes only let admins in. */
export function createUserService(deps: { auth: AuthService; tokens: TokenService; events: EventBus }) {
  async function list(query: { limit: number; cursor?: string | undefined }) {
    const rows = await UserModel.find(after(byOldest, query.cursor))
      .sort(sortOf(byOldest))
      .limit(query.limit + 1)
      .lean<UserDoc[]>();
    return toPage(rows, query.limit, byOldest, toUserDto);
  }

  async function create(input: {
    username: string;
    password: string;
    displayName?: string | undefined;
    role: Role;
  }): Promise<User> {
    return toUserDto(await deps.auth.createAccount(input));
  }

  async function update(
    actor: AuthUser,
    id: string,
    {
      password,
      ...patch
    }: {
      disabled?: boolean | undefined;
      role?: Role | undefined;
      displayName?: string | undefined;
      password?: string | undefined;
    },
  ) {
    const target = await UserModel.findById(id).lean<UserDoc>();
    if (!target) throw notFound('User');
    const losesAdmin = target.role === 'admin' && (patch.disabled === true || patch.role === 'user');
    if (losesAdmin) {
      if (id === actor.id) throw conflict('You cannot disable or demote your own account');
      const otherAdmins = await UserModel.countDocuments({ role: 'admin', disabled: false, _id: { $ne: target._id } });
      if (otherAdmins === 0) throw conflict('At least one active administrator must remain');
    }
    const updated = await UserModel.findByIdAndUpdate(id, { $set: patch }, { returnDocument: 'after' }).lean<UserDoc>();
    if (!updated) throw notFound('User');
    if (password !== undefined) await deps.auth.setPassword(id, password);
    if (patch.disabled) {
      await deps.tokens.revokeAllOf(id);
      await deps.events.emit({ type: 'session.ended', userId: id, data: { reason: 'disabled' } });
    }
    return toUserDto(updated);
  }

  return { list, create, update };
}

export type UserService = ReturnType<typeof createUserService>;

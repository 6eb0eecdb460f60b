import { avatarMimeTypes } from '@panoramix/contracts';
import type { Role, User } from '@panoramix/contracts';
import type { Response } from 'express';
import type { AuthUser } from '../../http/auth-guard.ts';
import { badRequest, conflict, notFound } from '../../http/problem.ts';
import { after, byOldest, sortOf, toPage } from '../../lib/pagination.ts';
import { UserModel } from './model.ts';
import type { UserDoc } from './model.ts';
import type { AuthService } from '../auth/service.ts';
import { toUserDto } from '../auth/service.ts';
import type { TokenService } from '../auth/tokens.ts';
import type { EventBus } from '../../realtime/event-bus.ts';
import type { FileService } from '../files/service.ts';

/** Account administration (the routes only let admins in), and avatars. */
export function createUserService(deps: { auth: AuthService; tokens: TokenService; events: EventBus; files: FileService }) {
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

  /**
   * An avatar is one of my uploaded images, kept in Fichiers like any other file: deleting it
   * there shows my initials again (the avatar route answers 404).
   */
  async function setAvatar(actor: AuthUser, fileId: string | null): Promise<User> {
    if (fileId && !(await deps.files.ownFileOfType(actor.id, fileId, avatarMimeTypes))) {
      throw badRequest('The avatar must be an image you uploaded (PNG, JPEG, GIF or WebP)', [
        { path: 'body.fileId', message: 'is not an image of yours' },
      ]);
    }
    const updated = await UserModel.findByIdAndUpdate(
      actor.id,
      { $set: { avatarFileId: fileId } },
      { returnDocument: 'after' },
    ).lean<UserDoc>();
    if (!updated) throw notFound('User');
    return toUserDto(updated);
  }

  /** Anyone signed in sees anyone's avatar, as they see their name beside what they wrote. */
  async function sendAvatar(userId: string, res: Response) {
    const user = await UserModel.findById(userId, { avatarFileId: 1 }).lean();
    const file = user?.avatarFileId && (await deps.files.ownFileOfType(userId, String(user.avatarFileId), avatarMimeTypes));
    if (!file) throw notFound('Avatar');
    await deps.files.send(file, res, { countClick: false });
  }

  return { list, create, update, setAvatar, sendAvatar };
}

export type UserService = ReturnType<typeof createUserService>;

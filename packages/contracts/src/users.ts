import { z } from 'zod';
import { displayName, newPassword, role, user, username } from './auth.ts';
import { idParams, objectId, page, pageQuery } from './common.ts';
import { defineRoute } from './http.ts';

export const createUserBody = z.strictObject({
  username,
  password: newPassword,
  displayName: displayName.optional(),
  role: role.default('user'),
});

export const updateUserBody = z
  .strictObject({
    disabled: z.boolean().optional(),
    role: role.optional(),
    displayName: displayName.optional(),
    /** A new password set by the admin: every session of the account ends. */
    password: newPassword.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to update')
  .meta({ minProperties: 1 }); // the refine, as the JSON schema can say it

export const setAvatarBody = z.strictObject({
  /** An image I uploaded (`POST /api/files`), or null to show my initials again. */
  fileId: objectId.nullable(),
});

/** What an avatar may be: images every browser shows. */
export const avatarMimeTypes = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;

const tags = ['users'] as const;

/** Administration of accounts (admins only), and avatars (every signed-in user). */
export const userRoutes = {
  avatar: defineRoute({
    method: 'get',
    path: '/api/users/:id/avatar',
    summary: "A user's avatar image, for anyone signed in (404 when they have none)",
    tags,
    access: 'user',
    params: idParams,
    stream: '*/*',
  }),
  setAvatar: defineRoute({
    method: 'put',
    path: '/api/users/me/avatar',
    summary: 'Choose one of my uploaded images as my avatar, or none',
    tags,
    access: 'user',
    body: setAvatarBody,
    response: user,
  }),
  list: defineRoute({
    method: 'get',
    path: '/api/users',
    summary: 'List accounts (admin)',
    tags,
    access: 'admin',
    query: pageQuery,
    response: page(user),
  }),
  create: defineRoute({
    method: 'post',
    path: '/api/users',
    summary: 'Create an account, even when registration is closed (admin)',
    tags,
    access: 'admin',
    body: createUserBody,
    status: 201,
    response: user,
    errors: [409],
    idempotent: true,
  }),
  update: defineRoute({
    method: 'patch',
    path: '/api/users/:id',
    summary: 'Disable, enable, rename, reset the password or change the role of an account (admin)',
    tags,
    access: 'admin',
    params: idParams,
    body: updateUserBody,
    response: user,
    errors: [409],
  }),
};

import { z } from 'zod';
import { isoDateTime, objectId, okResponse } from './common.ts';
import { defineRoute } from './http.ts';

export const roles = ['admin', 'user'] as const;
export const role = z.enum(roles);
export type Role = z.infer<typeof role>;

export const username = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, 'must be at least 3 characters')
  .max(30, 'must be at most 30 characters')
  .regex(/^[a-z0-9_]+$/, 'may contain only letters, digits and underscores');

/** Long enough to resist guessing, short enough for argon2 to hash quickly. */
export const newPassword = z
  .string()
  .min(8, 'must be at least 8 characters')
  .max(256, 'must be at most 256 characters')
  .refine((p) => new Set(p).size >= 4, 'is too simple: use at least 4 different characters');

const password = z.string().min(1, 'is required').max(256, 'must be at most 256 characters');

export const displayName = z.string().trim().min(1, 'must not be empty').max(50, 'must be at most 50 characters');

export const user = z
  .object({
    id: objectId,
    username: z.string(),
    displayName: z.string(),
    role,
    disabled: z.boolean(),
    /** The image file shown as this user's avatar (`GET /api/users/:id/avatar`), or none. */
    avatarFileId: objectId.nullable(),
    createdAt: isoDateTime,
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof user>;

export const registerBody = z.strictObject({ username, password: newPassword, displayName: displayName.optional() });
/** Native clients send their refresh token in the body; the web sends the httpOnly cookie. */
const refreshToken = z.string().min(1).max(200);
export const loginBody = z.strictObject({
  username: z.string().trim().toLowerCase().min(1, 'is required').max(100),
  password,
  /** Native clients: the refresh token this device still holds, if any. Like the web's cookie, a live one
   * of this account marks a known device, which skips the per-username delay after failed sign-ins. */
  refreshToken: refreshToken.optional(),
});
export const refreshBody = z.strictObject({ refreshToken: refreshToken.optional() }).optional();
export const changePasswordBody = z.strictObject({ currentPassword: password, newPassword });
export const updateMeBody = z.strictObject({ displayName });

/** One sign-in of the caller (a browser or a device): it lasts while its refresh tokens rotate. */
export const authSession = z
  .object({
    id: z.uuid(),
    /** The User-Agent the sign-in came from (at most 300 characters), '' when none was sent. */
    userAgent: z.string(),
    createdAt: isoDateTime,
    /** When this sign-in last renewed its access token (about every 15 minutes while in use). */
    lastUsedAt: isoDateTime,
    /** The sign-in that made this request. */
    current: z.boolean(),
  })
  .meta({ id: 'AuthSession' });
export type AuthSession = z.infer<typeof authSession>;
export const sessionParams = z.strictObject({ id: z.uuid('must be a session id') });

export const session = z
  .object({
    accessToken: z.string(),
    /** Seconds until the access token expires. */
    expiresIn: z.number().int(),
    /** Only for native clients (header `X-Client: native`); the web gets an httpOnly cookie. */
    refreshToken: z.string().optional(),
    user,
  })
  .meta({ id: 'Session' });
export type Session = z.infer<typeof session>;

export const authStatus = z.object({
  /** True until the first account exists: the web shows first-run registration. */
  needsSetup: z.boolean(),
  registrationOpen: z.boolean(),
});

const tags = ['auth'] as const;

export const authRoutes = {
  status: defineRoute({
    method: 'get',
    path: '/api/auth/status',
    summary: 'Whether the instance needs its first account and whether registration is open',
    tags,
    access: 'public',
    response: authStatus,
  }),
  register: defineRoute({
    method: 'post',
    path: '/api/auth/register',
    summary: 'Create an account (the first one becomes admin) and open a session',
    tags,
    access: 'public',
    body: registerBody,
    status: 201,
    response: session,
    errors: [403, 409],
  }),
  login: defineRoute({
    method: 'post',
    path: '/api/auth/login',
    summary: 'Open a session with username and password',
    tags,
    access: 'public',
    body: loginBody,
    response: session,
    // 401 wrong username or password, 403 account disabled.
    errors: [401, 403],
    rateLimited: true,
  }),
  refresh: defineRoute({
    method: 'post',
    path: '/api/auth/refresh',
    summary: 'Rotate the refresh token and get a new access token',
    tags,
    access: 'public',
    body: refreshBody,
    response: session,
    errors: [401],
  }),
  logout: defineRoute({
    method: 'post',
    path: '/api/auth/logout',
    summary: 'Revoke the refresh token of this session',
    tags,
    access: 'public',
    body: refreshBody,
    response: okResponse,
  }),
  logoutEverywhere: defineRoute({
    method: 'post',
    path: '/api/auth/logout-all',
    summary:
      'Sign out everywhere: every access and refresh token of the caller stops working at once and their open sockets are disconnected on every instance',
    tags,
    access: 'user',
    response: okResponse,
  }),
  me: defineRoute({
    method: 'get',
    path: '/api/auth/me',
    summary: 'The signed-in user',
    tags,
    access: 'user',
    response: user,
  }),
  updateMe: defineRoute({
    method: 'patch',
    path: '/api/auth/me',
    summary: 'Change my display name',
    tags,
    access: 'user',
    body: updateMeBody,
    response: user,
  }),
  sessions: defineRoute({
    method: 'get',
    path: '/api/auth/sessions',
    summary: 'My live sign-ins (browsers and devices), the most recently used first',
    tags,
    access: 'user',
    response: z.object({ items: z.array(authSession) }),
  }),
  revokeSession: defineRoute({
    method: 'delete',
    path: '/api/auth/sessions/:id',
    summary:
      'Sign one of my sessions out: its refresh and access tokens stop working at once and its open sockets are disconnected',
    tags,
    access: 'user',
    params: sessionParams,
    response: okResponse,
    errors: [404],
  }),
  changePassword: defineRoute({
    method: 'post',
    path: '/api/auth/password',
    summary: 'Change the password; every session is signed out and this one gets new tokens',
    tags,
    access: 'user',
    body: changePasswordBody,
    response: session,
    errors: [403],
  }),
};

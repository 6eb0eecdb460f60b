import type { AuthSession, Session, User } from '@panoramix/contracts';
import { hash, verify } from '@node-rs/argon2';
import type { AuthUser } from '../../http/auth-guard.ts';
import { conflict, forbidden, HttpError, notFound, problemTypes, unauthorized } from '../../http/problem.ts';
import type { EventBus } from '../../realtime/event-bus.ts';
import { InstanceFlagModel } from './model.ts';
import { UserModel } from '../users/model.ts';
import type { UserDoc } from '../users/model.ts';
import type { LoginLimiter } from './rate-limit.ts';
import type { TokenService } from './tokens.ts';
import { isDuplicateKey } from '../../db/duplicate-key.ts';

export interface AuthDeps {
  tokens: TokenService;
  events: EventBus;
  limiter: LoginLimiter;
  allowRegistration: boolean;
  accessTtlSeconds: number;
  argon2MemoryKib: number;
}

export const toUserDto = (u: UserDoc): User => ({
  id: String(u._id),
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  disabled: u.disabled,
  avatarFileId: u.avatarFileId ? String(u.avatarFileId) : null,
  createdAt: u.createdAt.toISOString(),
});

/** A session plus the refresh token the route hands over as a cookie or in the body. */
export type IssuedSession = Omit<Session, 'refreshToken'> & { refreshToken: string };

export function createAuthService(deps: AuthDeps) {
  // argon2id (the library's default algorithm) with OWASP's recommended cost by default.
  const hashOptions = { memoryCost: deps.argon2MemoryKib, timeCost: 2, parallelism: 1 };
  // Verifying against a real hash when the user does not exist keeps timing from revealing usernames.
  const decoyHash = hash('decoy-password', hashOptions);

  const signAccess = (user: UserDoc, sid: string) =>
    deps.tokens.signAccess({ sub: String(user._id), username: user.username, role: user.role, epoch: user.sessionEpoch, sid });

  /** A new sign-in from `userAgent` (its browser or device, as the sessions list names it). */
  async function openSession(user: UserDoc, userAgent: string | undefined): Promise<IssuedSession> {
    const { familyId, refreshToken } = await deps.tokens.openFamily(String(user._id), userAgent);
    const accessToken = await signAccess(user, familyId);
    return { accessToken, expiresIn: deps.accessTtlSeconds, refreshToken, user: toUserDto(user) };
  }

  /** Creates an account without the public policy checks (admins and the dev seed use it). */
  async function createAccount(input: {
    username: string;
    password: string;
    displayName?: string | undefined;
    role: 'admin' | 'user';
  }) {
    const passwordHash = await hash(input.password, hashOptions);
    try {
      const created = await UserModel.create({
        username: input.username,
        displayName: input.displayName ?? input.username,
        passwordHash,
        role: input.role,
      });
      return created.toObject() as UserDoc;
    } catch (error) {
      if (isDuplicateKey(error)) {
        throw conflict('This username is already taken', [{ path: 'body.username', message: 'is already taken' }]);
      }
      throw error;
    }
  }

  async function status() {
    const needsSetup = (await UserModel.exists({})) === null;
    return { needsSetup, registrationOpen: needsSetup || deps.allowRegistration };
  }

  /** The first account becomes admin; the instance flag's unique `_id` settles a race for it. */
  async function claimFirstAdmin(): Promise<boolean> {
    if ((await UserModel.exists({})) !== null) return false;
    try {
      await InstanceFlagModel.create({ _id: 'first-admin', value: true });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  async function register(input: { username: string; password: string; displayName?: string | undefined }, userAgent?: string) {
    const first = await claimFirstAdmin();
    if (!first && !deps.allowRegistration) throw forbidden('Registration is closed; ask an administrator for an account');
    const user = await createAccount({ ...input, role: first ? 'admin' : 'user' });
    return openSession(user, userAgent);
  }

  /** `refreshToken`: the one the device already holds, if any; a live one of this account skips the per-username delay. */
  async function login(input: {
    username: string;
    password: string;
    ip: string;
    refreshToken?: string | undefined;
    userAgent?: string | undefined;
  }) {
    const user = await UserModel.findOne({ username: input.username }).lean<UserDoc>();
    const knownDevice = !!user && !!input.refreshToken && (await deps.tokens.isLiveFor(input.refreshToken, String(user._id)));
    const attempt = { ip: input.ip, username: input.username, knownDevice };
    await deps.limiter.admit(attempt);
    const ok = await verify(user?.passwordHash ?? (await decoyHash), input.password);
    if (!user || !ok) {
      await deps.limiter.recordFailure(attempt);
      throw unauthorized('Wrong username or password');
    }
    await deps.limiter.recordSuccess(attempt);
    if (user.disabled) throw new HttpError(403, problemTypes.forbidden, 'Account disabled', 'This account is disabled');
    return openSession(user, input.userAgent);
  }

  async function refresh(token: string | undefined) {
    if (!token) throw unauthorized('No session to refresh');
    const { userId, familyId, next } = await deps.tokens.rotateRefresh(token);
    const user = await UserModel.findById(userId).lean<UserDoc>();
    if (!user || user.disabled) {
      await deps.tokens.revokeAllOf(userId);
      throw unauthorized('Session expired, sign in again');
    }
    const accessToken = await signAccess(user, familyId);
    return { accessToken, expiresIn: deps.accessTtlSeconds, refreshToken: next, user: toUserDto(user) };
  }

  async function logout(token: string | undefined) {
    if (token) await deps.tokens.revokeToken(token);
  }

  /**
   * Resolves a bearer token to its user; disabled users, tokens older than a password change and
   * tokens of a signed-out session are refused. Both lookups are by `_id`, side by side.
   */
  async function authenticate(accessToken: string): Promise<AuthUser> {
    const claims = await deps.tokens.verifyAccess(accessToken);
    const [user, sessionLive] = await Promise.all([
      UserModel.findById(claims.sub, { username: 1, role: 1, disabled: 1, sessionEpoch: 1 }).lean(),
      claims.sid ? deps.tokens.isSessionLive(claims.sid) : true,
    ]);
    if (!user || user.disabled || user.sessionEpoch !== claims.epoch || !sessionLive) {
      throw unauthorized('Session expired, sign in again');
    }
    return { id: String(user._id), username: user.username, role: user.role, sessionId: claims.sid };
  }

  async function me(actor: AuthUser): Promise<User> {
    const user = await UserModel.findById(actor.id).lean<UserDoc>();
    if (!user) throw notFound('User');
    return toUserDto(user);
  }

  async function updateMe(actor: AuthUser, patch: { displayName: string }): Promise<User> {
    const user = await UserModel.findByIdAndUpdate(actor.id, { $set: patch }, { returnDocument: 'after' }).lean<UserDoc>();
    if (!user) throw notFound('User');
    return toUserDto(user);
  }

  async function sessions(actor: AuthUser): Promise<{ items: AuthSession[] }> {
    const live = await deps.tokens.liveSessionsOf(actor.id);
    return {
      items: live.map((s) => ({
        id: s._id,
        userAgent: s.userAgent,
        createdAt: s.createdAt.toISOString(),
        lastUsedAt: s.lastUsedAt.toISOString(),
        current: s._id === actor.sessionId,
      })),
    };
  }

  /** Signs one of the caller's sessions out; another user's session is as unknown as a made-up id. */
  async function revokeSession(actor: AuthUser, sessionId: string) {
    const live = await deps.tokens.liveSessionsOf(actor.id);
    if (!live.some((s) => s._id === sessionId)) throw notFound('Session');
    await deps.tokens.revokeFamily(sessionId);
    await deps.events.emit({ type: 'session.revoked', userId: actor.id, data: { sessionId } });
  }

  /** Ends every session of the user: a new epoch kills access tokens, refresh tokens are revoked, sockets are told. */
  async function endAllSessions(userId: string, reason: 'password-changed' | 'signed-out-everywhere', set = {}) {
    const updated = await UserModel.findByIdAndUpdate(
      userId,
      { $set: set, $inc: { sessionEpoch: 1 } },
      { returnDocument: 'after' },
    ).lean<UserDoc>();
    await deps.tokens.revokeAllOf(userId);
    await deps.events.emit({ type: 'session.ended', userId, data: { reason } });
    return updated;
  }

  const logoutEverywhere = async (actor: AuthUser) => {
    await endAllSessions(actor.id, 'signed-out-everywhere');
  };

  /** Every existing session ends (new epoch, refresh tokens revoked); the caller gets a fresh one. */
  async function changePassword(actor: AuthUser, input: { currentPassword: string; newPassword: string }, userAgent?: string) {
    const user = await UserModel.findById(actor.id).lean<UserDoc>();
    if (!user) throw notFound('User');
    if (!(await verify(user.passwordHash, input.currentPassword))) {
      throw new HttpError(403, problemTypes.forbidden, 'Wrong password', 'The current password is wrong', [
        { path: 'body.currentPassword', message: 'is wrong' },
      ]);
    }
    const updated = await setPassword(actor.id, input.newPassword);
    return openSession(updated ?? user, userAgent);
  }

  /** A new password ends every session of the account (its owner's change, or an admin's reset). */
  const setPassword = async (userId: string, password: string) =>
    endAllSessions(userId, 'password-changed', { passwordHash: await hash(password, hashOptions) });

  return {
    status,
    register,
    login,
    refresh,
    logout,
    logoutEverywhere,
    authenticate,
    me,
    updateMe,
    sessions,
    revokeSession,
    changePassword,
    setPassword,
    createAccount,
  };
}

export type AuthService = ReturnType<typeof createAuthService>;

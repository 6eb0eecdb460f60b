import { randomBytes } from 'node:crypto';
import { routes } from '@panoramix/contracts';
import { SignJWT } from 'jose';
import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { createClient, expectProblem, useTestApp, unique } from '../../../test/harness.ts';
import type { RequestOptions, TestClient } from '../../../test/harness.ts';
import { RefreshTokenModel } from './model.ts';
import { hashToken } from './tokens.ts';

const jwtSecret = randomBytes(32).toString('hex');
const ctx = useTestApp({ JWT_SECRET: jwtSecret });

const register = (username: string, password: string) =>
  ctx.app.client().call(routes.auth.register, { body: { username, password } });
const logIn = (client: TestClient, username: string, password: string, options?: RequestOptions) =>
  client.call(routes.auth.login, { body: { username, password } }, options);
const me = (client: TestClient) => client.call(routes.auth.me);
/** Native clients send their refresh token in the body and get the next one there. */
const native = { headers: { 'x-client': 'native' } };
const refreshNative = (refreshToken: string) => ctx.app.client().call(routes.auth.refresh, { body: { refreshToken } }, native);

describe('registration', () => {
  it('makes the first account admin and later ones users', async () => {
    const status = await ctx.app.client().call(routes.auth.status);
    expect(status.body).toEqual({ needsSetup: true, registrationOpen: true });

    const first = await register('First_Admin', 'a-long-password');
    expect(first.status).toBe(201);
    expect(first.body.user).toMatchObject({ username: 'first_admin', role: 'admin', displayName: 'first_admin' });
    expect(first.body.refreshToken).toBeUndefined(); // browsers get it as a cookie only

    const second = await ctx.app.newUser();
    expect((await me(second.api)).body).toMatchObject({ username: second.username, role: 'user', disabled: false });
    expect((await ctx.app.client().call(routes.auth.status)).body.needsSetup).toBe(false);
  });

  it('refuses a taken username, case-insensitively, naming the field', async () => {
    const name = unique('dup');
    await ctx.app.newUser({ username: name });
    const res = await register(name.toUpperCase(), 'another-password');
    const problem = expectProblem(res, 409);
    expect(problem.errors).toEqual([{ path: 'body.username', message: 'is already taken' }]);
  });

  it.each([
    ['too short', 'short1', 'at least 8'],
    ['too simple', 'aaaaaaaaaa', 'too simple'],
  ])('refuses a weak password (%s)', async (_case, password, message) => {
    const res = await register(unique('weak'), password);
    const problem = expectProblem(res, 400);
    expect(problem.errors?.[0]?.path).toBe('body.password');
    expect(problem.errors?.[0]?.message).toContain(message);
  });

  it('refuses usernames with characters outside [a-z0-9_]', async () => {
    const res = await register('bad name!', 'a-long-password');
    expect(expectProblem(res, 400).errors?.[0]?.path).toBe('body.username');
  });
});

describe('login', () => {
  it('opens a session with the right password and refuses a wrong one', async () => {
    const user = await ctx.app.newUser();
    const ok = await logIn(ctx.app.client(), user.username, user.password);
    expect(ok.status).toBe(200);
    expect(ok.body.user.username).toBe(user.username);
    expect(ok.headers.getSetCookie().join()).toMatch(/pnx_refresh=.*HttpOnly/i);

    const wrong = await logIn(ctx.app.client(), user.username, 'not-the-password');
    expect(expectProblem(wrong, 401).detail).toBe('Wrong username or password');
    const unknown = await logIn(ctx.app.client(), 'nobody_here', 'whatever-pass');
    expect(expectProblem(unknown, 401).detail).toBe('Wrong username or password');
  });

  it('requires a valid access token on /me', async () => {
    expectProblem(await me(ctx.app.client()), 401);
    expectProblem(await me(ctx.app.client('not.a.jwt')), 401);
  });
});

describe('access tokens', () => {
  const key = new TextEncoder().encode(jwtSecret);
  /** A token signed with the server's own secret, as a leaked-secret or buggy-issuer attack would forge it. */
  const forge = (userId: string, alg: string, expires: boolean) => {
    const jwt = new SignJWT({ username: 'forged', role: 'user', epoch: 0 })
      .setProtectedHeader({ alg })
      .setSubject(userId)
      .setIssuer('panoramix')
      .setAudience('panoramix-api')
      .setIssuedAt();
    return (expires ? jwt.setExpirationTime('5m') : jwt).sign(key);
  };

  it('refuses a correctly signed token that never expires', async () => {
    const user = await ctx.app.newUser();
    expect((await me(ctx.app.client(await forge(user.id, 'HS256', true)))).status).toBe(200);
    const problem = expectProblem(await me(ctx.app.client(await forge(user.id, 'HS256', false))), 401);
    expect(problem.detail).toBe('Invalid or expired access token');
  });

  it('refuses a token signed with another algorithm than HS256', async () => {
    const user = await ctx.app.newUser();
    expectProblem(await me(ctx.app.client(await forge(user.id, 'HS512', true))), 401);
    const [, payload] = (await forge(user.id, 'HS256', true)).split('.');
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`;
    expectProblem(await me(ctx.app.client(unsigned)), 401);
  });
});

describe('refresh tokens', () => {
  it('rotates the cookie and revokes the whole family when an old token is replayed', async () => {
    const user = await ctx.app.newUser();
    const browser = createClient(ctx.app.baseUrl);
    await logIn(browser, user.username, user.password);
    const firstCookie = browser.jar.get('pnx_refresh');

    const rotated = await browser.call(routes.auth.refresh);
    expect(rotated.status).toBe(200);
    expect(rotated.body.accessToken).toBeTruthy();
    const secondCookie = browser.jar.get('pnx_refresh');
    expect(secondCookie).not.toBe(firstCookie);

    // An attacker replays the first token: refused, and the legitimate holder is signed out too.
    const attacker = createClient(ctx.app.baseUrl);
    attacker.jar.set('pnx_refresh', firstCookie!);
    expectProblem(await attacker.call(routes.auth.refresh), 401);
    expectProblem(await browser.call(routes.auth.refresh), 401);
  });

  it('gives native clients their refresh token in the body', async () => {
    const user = await ctx.app.newUser();
    const login = await logIn(ctx.app.client(), user.username, user.password, native);
    expect(login.body.refreshToken).toEqual(expect.any(String));
    const next = await refreshNative(login.body.refreshToken!);
    expect(next.status).toBe(200);
    expect(next.body.refreshToken).not.toBe(login.body.refreshToken);
  });

  it('lets exactly one of ten simultaneous refreshes with one token win, and ends that sign-in', async () => {
    const user = await ctx.app.newUser();
    const login = await logIn(ctx.app.client(), user.username, user.password, native);

    const answers = await Promise.all(Array.from({ length: 10 }, () => refreshNative(login.body.refreshToken!)));
    const winners = answers.filter((res) => res.status === 200);
    expect(winners).toHaveLength(1);
    for (const res of answers.filter((r) => r.status !== 200)) expectProblem(res, 401);
    // The nine losers presented a token already used: it leaked, so its whole family is revoked,
    // the winner's new token included (RFC 9700 §4.14.2), whatever order the writes landed in.
    expectProblem(await refreshNative(winners[0]!.body.refreshToken!), 401);
  });

  it('treats a token consumed before rotation claims existed (usedAt) as reuse', async () => {
    const user = await ctx.app.newUser();
    const login = await logIn(ctx.app.client(), user.username, user.password, native);
    const refreshToken = login.body.refreshToken!;
    const { familyId, expiresAt } = (await RefreshTokenModel.findOne({ tokenHash: hashToken(refreshToken) }).lean())!;
    // As the previous version stored a rotated token: marked used, no claim document.
    const legacy = 'rotated-by-the-previous-version';
    await RefreshTokenModel.collection.insertOne({
      tokenHash: hashToken(legacy),
      userId: new Types.ObjectId(user.id),
      familyId,
      expiresAt,
      usedAt: new Date(),
      revokedAt: null,
    });
    expectProblem(await refreshNative(legacy), 401);
    expectProblem(await refreshNative(refreshToken), 401);
  });

  it('logout revokes the refresh token', async () => {
    const user = await ctx.app.newUser();
    const browser = createClient(ctx.app.baseUrl);
    await logIn(browser, user.username, user.password);
    const cookie = browser.jar.get('pnx_refresh')!;
    expect((await browser.call(routes.auth.logout)).body).toEqual({ ok: true });
    expect(browser.jar.has('pnx_refresh')).toBe(false);
    const replay = createClient(ctx.app.baseUrl);
    replay.jar.set('pnx_refresh', cookie);
    expectProblem(await replay.call(routes.auth.refresh), 401);
  });
});

describe('sign out everywhere', () => {
  it("ends every session of the user at once, access and refresh tokens alike, and nobody else's", async () => {
    const user = await ctx.app.newUser();
    const bystander = await ctx.app.newUser();
    const phone = createClient(ctx.app.baseUrl);
    await logIn(phone, user.username, user.password);
    expect((await user.call(routes.auth.logoutEverywhere)).body).toEqual({ ok: true });
    expectProblem(await me(user.api), 401); // the caller's own access token
    expectProblem(await phone.call(routes.auth.refresh), 401); // another device's refresh token
    expect((await me(bystander.api)).status).toBe(200);
    expect((await logIn(ctx.app.client(), user.username, user.password)).status).toBe(200);
  });
});

describe('password change', () => {
  it('signs out every other session and keeps the caller signed in', async () => {
    const user = await ctx.app.newUser();
    const other = createClient(ctx.app.baseUrl);
    await logIn(other, user.username, user.password);
    const change = (currentPassword: string) =>
      user.call(routes.auth.changePassword, { body: { currentPassword, newPassword: 'brand-new-secret' } });

    const wrong = await change('nope-nope');
    expect(expectProblem(wrong, 403).errors?.[0]?.path).toBe('body.currentPassword');

    const changed = await change(user.password);
    expect(changed.status).toBe(200);
    expectProblem(await me(user.api), 401); // the old access token is dead
    expect((await me(ctx.app.client(changed.body.accessToken))).status).toBe(200);
    expectProblem(await other.call(routes.auth.refresh), 401);
    const relogin = await logIn(ctx.app.client(), user.username, 'brand-new-secret');
    expect(relogin.status).toBe(200);
  });
});

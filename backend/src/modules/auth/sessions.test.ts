import { routes } from '@panoramix/contracts';
import { describe, expect, it } from 'vitest';
import { createClient, expectProblem, nextEvent, useTestApp } from '../../../test/harness.ts';
import type { TestClient, TestUser } from '../../../test/harness.ts';

const ctx = useTestApp();

const firefox = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
const phone = 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36';

/** Another sign-in of `user` from a browser of its own (its cookie jar), as a second device would. */
async function signInFrom(user: TestUser, userAgent: string) {
  const browser = createClient(ctx.app.baseUrl);
  const res = await browser.call(
    routes.auth.login,
    { body: { username: user.username, password: user.password } },
    { headers: { 'user-agent': userAgent } },
  );
  expect(res.status).toBe(200);
  return { browser, token: res.body.accessToken, api: ctx.app.client(res.body.accessToken) };
}

const sessionsOf = async (client: TestClient) => (await client.call(routes.auth.sessions)).body.items;

describe('sessions list', () => {
  it('lists my sign-ins with their browser, the current one marked, the most recently used first', async () => {
    const user = await ctx.app.newUser();
    await signInFrom(user, firefox);
    const laptop = await signInFrom(user, phone);

    const items = await sessionsOf(laptop.api);
    expect(items).toHaveLength(3); // the sign-up's own session, then these two
    expect(items.filter((s) => s.current)).toEqual([expect.objectContaining({ userAgent: phone })]);
    expect(items.map((s) => s.userAgent)).toContain(firefox);
    const used = items.map((s) => s.lastUsedAt);
    expect(used).toEqual([...used].sort().reverse());
  });

  it('renews last use when the session refreshes', async () => {
    const user = await ctx.app.newUser();
    const device = await signInFrom(user, firefox);
    const [before] = (await sessionsOf(device.api)).filter((s) => s.current);
    const refreshed = await device.browser.call(routes.auth.refresh);
    const [after] = (await sessionsOf(ctx.app.client(refreshed.body.accessToken))).filter((s) => s.current);
    expect(after?.id).toBe(before?.id);
    expect(after!.lastUsedAt > before!.lastUsedAt).toBe(true);
  });

  it('shows another user nothing of mine, and refuses them revoking mine as if it did not exist', async () => {
    const [owner, other] = [await ctx.app.newUser(), await ctx.app.newUser()];
    const device = await signInFrom(owner, firefox);
    const [mine] = (await sessionsOf(device.api)).filter((s) => s.current);

    expect((await sessionsOf(other.api)).map((s) => s.id)).not.toContain(mine!.id);
    expectProblem(await other.call(routes.auth.revokeSession, { params: { id: mine!.id } }), 404);
    expect((await device.api.call(routes.auth.me)).status).toBe(200);
    expectProblem(await ctx.app.client().call(routes.auth.sessions), 401);
  });

  it('answers 400 naming the id for a malformed one and 404 for an unknown one', async () => {
    const user = await ctx.app.newUser();
    expect(expectProblem(await user.api.delete('/api/auth/sessions/nope'), 400).errors?.[0]?.path).toBe('params.id');
    const unknown = { params: { id: '00000000-0000-4000-8000-000000000000' } };
    expectProblem(await user.call(routes.auth.revokeSession, unknown), 404);
  });
});

describe('revoking a session', () => {
  it('stops its access token, refresh token and sockets at once, and no other session', async () => {
    const user = await ctx.app.newUser();
    const stolen = await signInFrom(user, phone);
    const kept = await signInFrom(user, firefox);
    const [stolenSocket, keptSocket] = [await ctx.app.socket(stolen.token), await ctx.app.socket(kept.token)];
    const [target] = (await sessionsOf(stolen.api)).filter((s) => s.current);

    const told = nextEvent(keptSocket, 'session.revoked');
    const cut = nextEvent(stolenSocket, 'disconnect');
    expect((await kept.api.call(routes.auth.revokeSession, { params: { id: target!.id } })).status).toBe(200);

    expect(await cut).toBe('io server disconnect');
    expect(await told).toEqual({ sessionId: target!.id }); // the other devices update their list
    expectProblem(await stolen.api.call(routes.auth.me), 401); // its access token, well before it expires
    expectProblem(await stolen.browser.call(routes.auth.refresh), 401);
    await expect(ctx.app.socket(stolen.token)).rejects.toThrow(/unauthorized/);

    expect(keptSocket.connected).toBe(true);
    expect((await kept.api.call(routes.auth.me)).status).toBe(200);
    expect((await sessionsOf(kept.api)).map((s) => s.id)).not.toContain(target!.id);
  });

  it('is also what signing out does: that sign-in leaves the list and its access token stops', async () => {
    const user = await ctx.app.newUser();
    const device = await signInFrom(user, firefox);
    expect((await device.browser.call(routes.auth.logout)).status).toBe(200);
    expectProblem(await device.api.call(routes.auth.me), 401);
    expect((await sessionsOf(user.api)).map((s) => s.userAgent)).not.toContain(firefox);
  });
});

describe('profile', () => {
  it('changes my display name and refuses an empty one naming the field', async () => {
    const user = await ctx.app.newUser();
    const res = await user.call(routes.auth.updateMe, { body: { displayName: '  Ada Lovelace ' } });
    expect(res.body).toMatchObject({ id: user.id, displayName: 'Ada Lovelace' });
    expect((await user.call(routes.auth.me)).body.displayName).toBe('Ada Lovelace');
    expect(expectProblem(await user.api.patch('/api/auth/me', { displayName: ' ' }), 400).errors?.[0]?.path).toBe(
      'body.displayName',
    );
    expect(expectProblem(await user.api.patch('/api/auth/me', { role: 'admin' }), 400).status).toBe(400);
    expect((await user.call(routes.auth.me)).body.role).toBe('user');
  });
});

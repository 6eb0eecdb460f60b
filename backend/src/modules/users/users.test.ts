import { routes } from '@panoramix/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, expectProblem, startTestApp } from '../../../test/harness.ts';
import type { TestApp, TestClient, TestUser } from '../../../test/harness.ts';

let app: TestApp;
let admin: TestUser;
beforeAll(async () => {
  app = await startTestApp({ ALLOW_REGISTRATION: 'false' });
  admin = await app.newUser(); // the first account may always register: it becomes the admin
});
afterAll(() => app.close());

const createUser = (body: { username: string; password: string }) => admin.call(routes.users.create, { body });
const logIn = (client: TestClient, username: string, password: string) =>
  client.call(routes.auth.login, { body: { username, password } });

describe('closed registration', () => {
  it('refuses self-registration once the first account exists', async () => {
    expect((await app.client().call(routes.auth.status)).body).toEqual({ needsSetup: false, registrationOpen: false });
    const res = await app.client().call(routes.auth.register, { body: { username: 'latecomer', password: 'a-long-password' } });
    expectProblem(res, 403);
  });

  it('lets an admin create accounts anyway', async () => {
    const res = await createUser({ username: 'invited', password: 'invited-password' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ username: 'invited', role: 'user' });
    const login = await logIn(app.client(), 'invited', 'invited-password');
    expect(login.status).toBe(200);
  });
});

describe('account administration', () => {
  it('is for admins only', async () => {
    const created = await createUser({ username: 'plain_user', password: 'plain-password' });
    const login = await logIn(app.client(), 'plain_user', 'plain-password');
    const plain = app.client(login.body.accessToken);
    expectProblem(await plain.call(routes.users.list), 403);
    expectProblem(await plain.call(routes.users.update, { params: { id: created.body.id }, body: { role: 'admin' } }), 403);
    expectProblem(await plain.call(routes.users.create, { body: { username: 'sneaky', password: 'sneaky-password' } }), 403);
    expectProblem(await app.client().call(routes.users.list), 401);
  });

  it('lists accounts page by page', async () => {
    for (const name of ['page_a', 'page_b', 'page_c']) {
      await createUser({ username: name, password: 'paging-password' });
    }
    const listPage = (cursor: string | null) =>
      admin.call(routes.users.list, { query: { limit: 2, cursor: cursor ?? undefined } });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await listPage(cursor);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((u) => u.username));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(expect.arrayContaining(['page_a', 'page_b', 'page_c', admin.username]));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('disabling an account ends its sessions at once', async () => {
    const created = await createUser({ username: 'to_disable', password: 'disable-password' });
    const browser = createClient(app.baseUrl);
    const login = await logIn(browser, 'to_disable', 'disable-password');
    const token = login.body.accessToken;
    const setDisabled = (disabled: boolean) =>
      admin.call(routes.users.update, { params: { id: created.body.id }, body: { disabled } });

    const res = await setDisabled(true);
    expect(res.body.disabled).toBe(true);

    expectProblem(await app.client(token).call(routes.auth.me), 401);
    expectProblem(await browser.call(routes.auth.refresh), 401);
    const again = await logIn(app.client(), 'to_disable', 'disable-password');
    expect(expectProblem(again, 403).detail).toBe('This account is disabled');
    const wrong = await logIn(app.client(), 'to_disable', 'wrong-password');
    expectProblem(wrong, 401); // no hint that the account exists without the right password

    await setDisabled(false);
    const back = await logIn(app.client(), 'to_disable', 'disable-password');
    expect(back.status).toBe(200);
  });

  it('resets a password: the old one and every session of the account stop, the new one signs in', async () => {
    const created = await createUser({ username: 'forgetful', password: 'forgotten-password' });
    const browser = createClient(app.baseUrl);
    const token = (await logIn(browser, 'forgetful', 'forgotten-password')).body.accessToken;
    const reset = await admin.call(routes.users.update, {
      params: { id: created.body.id },
      body: { password: 'given-by-admin' },
    });
    expect(reset.body).toMatchObject({ username: 'forgetful', disabled: false });
    expectProblem(await app.client(token).call(routes.auth.me), 401);
    expectProblem(await browser.call(routes.auth.refresh), 401);
    expectProblem(await logIn(app.client(), 'forgetful', 'forgotten-password'), 401);
    expect((await logIn(app.client(), 'forgetful', 'given-by-admin')).status).toBe(200);
    const weak = await admin.api.patch(`/api/users/${created.body.id}`, { password: 'short' });
    expect(expectProblem(weak, 400).errors?.[0]?.path).toBe('body.password');
  });

  it('keeps at least one active admin', async () => {
    const self = { params: { id: admin.id } };
    expectProblem(await admin.call(routes.users.update, { ...self, body: { disabled: true } }), 409);
    expectProblem(await admin.call(routes.users.update, { ...self, body: { role: 'user' } }), 409);
  });

  it('answers 404 for an unknown account and 400 for a malformed id', async () => {
    const unknown = { params: { id: '0123456789abcdef01234567' }, body: { disabled: true } };
    expectProblem(await admin.call(routes.users.update, unknown), 404);
    // A malformed id is what the contract refuses: sent raw.
    expect(expectProblem(await admin.api.patch('/api/users/nope', { disabled: true }), 400).errors?.[0]?.path).toBe('params.id');
  });
});

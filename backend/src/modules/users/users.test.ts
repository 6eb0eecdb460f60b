import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, expectProblem, startTestApp } from '../../../test/harness.ts';
import type { TestApp, TestUser } from '../../../test/harness.ts';

let app: TestApp;
let admin: TestUser;
beforeAll(async () => {
  app = await startTestApp({ ALLOW_REGISTRATION: 'false' });
  admin = await app.newUser(); // the first account may always register: it becomes the admin
});
afterAll(() => app.close());

describe('closed registration', () => {
  it('refuses self-registration once the first account exists', async () => {
    expect((await app.client().get('/api/auth/status')).body).toEqual({ needsSetup: false, registrationOpen: false });
    const res = await app.client().post('/api/auth/register', { username: 'latecomer', password: 'a-long-password' });
    expectProblem(res, 403);
  });

  it('lets an admin create accounts anyway', async () => {
    const res = await admin.api.post('/api/users', { username: 'invited', password: 'invited-password' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ username: 'invited', role: 'user' });
    const login = await app.client().post('/api/auth/login', { username: 'invited', password: 'invited-password' });
    expect(login.status).toBe(200);
  });
});

describe('account administration', () => {
  it('is for admins only', async () => {
    const created = await admin.api.post('/api/users', { username: 'plain_user', password: 'plain-password' });
    const login = await app.client().post('/api/auth/login', { username: 'plain_user', password: 'plain-password' });
    const plain = app.client(login.body.accessToken);
    expectProblem(await plain.get('/api/users'), 403);
    expectProblem(await plain.patch(`/api/users/${created.body.id}`, { role: 'admin' }), 403);
    expectProblem(await plain.post('/api/users', { username: 'sneaky', password: 'sneaky-password' }), 403);
    expectProblem(await app.client().get('/api/users'), 401);
  });

  it('lists accounts page by page', async () => {
    for (const name of ['page_a', 'page_b', 'page_c']) {
      await admin.api.post('/api/users', { username: name, password: 'paging-password' });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { username: string }[]; nextCursor: string | null } } = await admin.api.get(
        `/api/users?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((u: { username: string }) => u.username));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(expect.arrayContaining(['page_a', 'page_b', 'page_c', admin.username]));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('disabling an account ends its sessions at once', async () => {
    const created = await admin.api.post('/api/users', { username: 'to_disable', password: 'disable-password' });
    const browser = createClient(app.baseUrl);
    const login = await browser.post('/api/auth/login', { username: 'to_disable', password: 'disable-password' });
    const token = login.body.accessToken;

    const res = await admin.api.patch(`/api/users/${created.body.id}`, { disabled: true });
    expect(res.body.disabled).toBe(true);

    expectProblem(await app.client(token).get('/api/auth/me'), 401);
    expectProblem(await browser.post('/api/auth/refresh'), 401);
    const again = await app.client().post('/api/auth/login', { username: 'to_disable', password: 'disable-password' });
    expect(expectProblem(again, 403).detail).toBe('This account is disabled');
    const wrong = await app.client().post('/api/auth/login', { username: 'to_disable', password: 'wrong-password' });
    expectProblem(wrong, 401); // no hint that the account exists without the right password

    await admin.api.patch(`/api/users/${created.body.id}`, { disabled: false });
    const back = await app.client().post('/api/auth/login', { username: 'to_disable', password: 'disable-password' });
    expect(back.status).toBe(200);
  });

  it('keeps at least one active admin', async () => {
    expectProblem(await admin.api.patch(`/api/users/${admin.id}`, { disabled: true }), 409);
    expectProblem(await admin.api.patch(`/api/users/${admin.id}`, { role: 'user' }), 409);
  });

  it('answers 404 for an unknown account and 400 for a malformed id', async () => {
    expectProblem(await admin.api.patch('/api/users/0123456789abcdef01234567', { disabled: true }), 404);
    expect(expectProblem(await admin.api.patch('/api/users/nope', { disabled: true }), 400).errors?.[0]?.path).toBe('params.id');
  });
});

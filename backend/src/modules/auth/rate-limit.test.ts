import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, startTestApp } from '../../../test/harness.ts';
import type { TestApp, TestUser } from '../../../test/harness.ts';

let app: TestApp;
let user: TestUser;
beforeAll(async () => {
  app = await startTestApp({ LOGIN_USER_FAILURES_MAX: '3', LOGIN_IP_MAX: '8', LOGIN_WINDOW_SECONDS: '600' });
  user = await app.newUser();
});
afterAll(() => app.close());

const login = (username: string, password: string) => app.client().post('/api/auth/login', { username, password });

describe('sign-in rate limits', () => {
  it('locks a username after repeated failures, with Retry-After, even for the right password', async () => {
    for (let i = 0; i < 3; i++) expectProblem(await login(user.username, 'wrong-password'), 401);
    const locked = await login(user.username, user.password);
    const problem = expectProblem(locked, 429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(500);
    expect(problem.detail).toMatch(/Try again in \d+ s/);
  });

  it('limits attempts per address', async () => {
    // 3 attempts counted so far from this address (the locked one was refused before counting);
    // 5 more are allowed, each on a fresh username so the per-username lock stays out of the way.
    for (let i = 0; i < 5; i++) expect((await login(`someone_${i}`, 'whatever-pass')).status).toBe(401);
    const res = await login('someone_new', 'whatever-pass');
    expectProblem(res, 429);
    expect(res.headers.get('retry-after')).toBeTruthy();
  });
});

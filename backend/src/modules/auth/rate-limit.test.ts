import { routes } from '@panoramix/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, expectProblem, startTestApp } from '../../../test/harness.ts';
import type { ApiResponse, TestApp, TestClient, TestUser } from '../../../test/harness.ts';

// TRUST_PROXY is `loopback` and the tests connect from 127.0.0.1: X-Forwarded-For sets the address.
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({
    LOGIN_IP_MAX: '8',
    LOGIN_PAIR_FAILURES_MAX: '3',
    LOGIN_USER_FAILURES_MAX: '10',
    LOGIN_WINDOW_SECONDS: '600',
  });
});
afterAll(() => app.close());

let addresses = 0;
/** Addresses from the benchmarking range 198.18.0.0/15, a new one at each call. */
const freshAddress = () => `198.18.${++addresses >> 8}.${addresses & 255}`;
const from = (address: string, headers: Record<string, string> = {}) => ({
  headers: { 'x-forwarded-for': address, ...headers },
});
const login = (username: string, password: string, address = freshAddress(), client: TestClient = app.client()) =>
  client.call(routes.auth.login, { body: { username, password } }, from(address));

/** A 429 problem with the Retry-After header, which is returned in seconds. */
function expectRefused(res: ApiResponse) {
  const problem = expectProblem(res, 429);
  const retryAfter = Number(res.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(problem.detail).toContain(`Try again in ${retryAfter} s`);
  return retryAfter;
}

/** Ten wrong passwords, each from its own address: the per-address pair limit never triggers. */
async function attackFromTenAddresses(user: TestUser) {
  for (let i = 0; i < 10; i++) expectProblem(await login(user.username, 'wrong-password'), 401);
}

describe('sign-in limits per username', () => {
  it('let the owner in from a known device after failures from ten addresses', async () => {
    const owner = await app.newUser();
    const browser = createClient(app.baseUrl);
    expect((await login(owner.username, owner.password, freshAddress(), browser)).status).toBe(200);
    const native = await app
      .client()
      .call(
        routes.auth.login,
        { body: { username: owner.username, password: owner.password } },
        from(freshAddress(), { 'x-client': 'native' }),
      );

    const attacker = await app.newUser();
    const attackerBrowser = createClient(app.baseUrl);
    await login(attacker.username, attacker.password, freshAddress(), attackerBrowser);

    await attackFromTenAddresses(owner);

    // An unknown device waits, and so does the attacker's own session: it is no device of the
    // owner's. Of five parallel attempts, the back-off lets one through at most.
    for (const client of [app.client(), attackerBrowser]) {
      const burst = await Promise.all(
        Array.from({ length: 5 }, () => login(owner.username, 'wrong-password', freshAddress(), client)),
      );
      const refused = burst.filter((res) => res.status === 429);
      expect(refused.length).toBeGreaterThanOrEqual(4);
      for (const res of refused) expectRefused(res);
    }
    // The owner's browser (refresh cookie) and app (refresh token in the body) do not wait.
    expect((await login(owner.username, owner.password, freshAddress(), browser)).status).toBe(200);
    const fromApp = await app
      .client()
      .call(
        routes.auth.login,
        { body: { username: owner.username, password: owner.password, refreshToken: native.body.refreshToken } },
        from(freshAddress(), { 'x-client': 'native' }),
      );
    expect(fromApp.status).toBe(200);
  });

  it('slow an unknown device down by seconds, doubling with each failure, instead of locking it out', async () => {
    const owner = await app.newUser();
    await attackFromTenAddresses(owner);
    expect(expectRefused(await login(owner.username, owner.password))).toBe(1);
    await expect.poll(async () => (await login(owner.username, 'wrong-password')).status).toBe(401);
    expect(expectRefused(await login(owner.username, owner.password))).toBe(2);
    await expect.poll(async () => (await login(owner.username, owner.password)).status).toBe(200);
  });

  it('let one attempt at a time through past the free failures, even when guesses arrive in parallel', async () => {
    const owner = await app.newUser();
    const answers = await Promise.all(Array.from({ length: 20 }, () => login(owner.username, 'wrong-password')));
    const statuses = answers.map((res) => res.status);
    // The ten free failures, and at most one attempt the back-off lets through (none when the
    // tenth failure is recorded before the eleventh attempt starts); the others wait.
    const failures = statuses.filter((status) => status === 401).length;
    expect(failures).toBeGreaterThanOrEqual(10);
    expect(failures).toBeLessThanOrEqual(11);
    for (const res of answers.filter((r) => r.status !== 401)) expectRefused(res);
  });

  it('refuse an address that keeps guessing one username for the window, and only for that username', async () => {
    const [owner, other] = [await app.newUser(), await app.newUser()];
    const address = freshAddress();
    for (let i = 0; i < 3; i++) expectProblem(await login(owner.username, 'wrong-password', address), 401);
    expect(expectRefused(await login(owner.username, owner.password, address))).toBeGreaterThan(500);
    expect((await login(other.username, other.password, address)).status).toBe(200);
    expect((await login(owner.username, owner.password)).status).toBe(200); // the owner elsewhere is not affected
  });
});

describe('sign-in limits per address', () => {
  it('count every attempt from one address', async () => {
    const address = freshAddress();
    for (let i = 0; i < 8; i++) expect((await login(`someone_${i}`, 'whatever-pass', address)).status).toBe(401);
    expectRefused(await login('someone_new', 'whatever-pass', address));
  });
});

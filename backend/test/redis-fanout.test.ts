import { routes } from '@panoramix/contracts';
import { describe, expect, it } from 'vitest';
import { createClient, expectProblem, recordEvents, settle } from './harness.ts';
import { useTwoInstances } from './two-instances.ts';
import type { RequestOptions, TestClient } from './harness.ts';

// Two API instances (this process and a child process) share one database and one real Redis.
const instances = useTwoInstances('fanout', { LOGIN_PAIR_FAILURES_MAX: '2' });

const logIn = (client: TestClient, body: { username: string; password: string }, options?: RequestOptions) =>
  client.call(routes.auth.login, { body }, options);

describe('several API instances behind one Redis', () => {
  it('deliver each event exactly once to every socket of its owner, on both instances, and to nobody else', async () => {
    const alice = await instances.a.newUser();
    const bob = await instances.a.newUser();
    const aliceOnA = recordEvents(await instances.a.socket(alice.token));
    const aliceOnB = recordEvents(await instances.a.socketAt(instances.b.baseUrl, alice.token));
    const bobOnB = recordEvents(await instances.a.socketAt(instances.b.baseUrl, bob.token));

    const viaA = await alice.call(routes.links.create, { body: { name: 'Made on A', url: 'https://instances.a.test' } });
    const viaB = await createClient(instances.b.baseUrl, { token: alice.token }).call(routes.links.create, {
      body: { name: 'Made on B', url: 'https://instances.b.test' },
    });
    expect([viaA.status, viaB.status]).toEqual([201, 201]);

    const created = (events: { type: string; data: { id: string } }[]) =>
      events.filter((e) => e.type === 'link.created').map((e) => e.data.id);
    await expect.poll(() => created(aliceOnA).length + created(aliceOnB).length).toBe(4);
    await settle(300);
    expect(created(aliceOnA).sort()).toEqual([viaA.body.id, viaB.body.id].sort());
    expect(created(aliceOnB).sort()).toEqual([viaA.body.id, viaB.body.id].sort());
    expect(bobOnB).toEqual([]);
  });

  it('share sign-in failure counters', async () => {
    const carol = await instances.a.newUser();
    const wrong = { username: carol.username, password: 'wrong-password' };
    expectProblem(await logIn(instances.a.client(), wrong), 401);
    expectProblem(await logIn(createClient(instances.b.baseUrl), wrong), 401);
    expectProblem(await logIn(instances.a.client(), { username: carol.username, password: carol.password }), 429);
  });

  it('share the per-username back-off after failures from many addresses', async () => {
    const dave = await instances.a.newUser();
    const wrong = { username: dave.username, password: 'wrong-password' };
    for (let i = 0; i < 10; i++) {
      const instance = i % 2 ? createClient(instances.b.baseUrl) : instances.a.client();
      expectProblem(await logIn(instance, wrong, { headers: { 'x-forwarded-for': `198.19.0.${i}` } }), 401);
    }
    const res = await logIn(createClient(instances.b.baseUrl), wrong, { headers: { 'x-forwarded-for': '198.19.1.1' } });
    expectProblem(res, 429);
    expect(res.headers.get('retry-after')).toBe('1');
  });
});

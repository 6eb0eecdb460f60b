import { routes } from '@panoramix/contracts';
import type { RouteBodyInput } from '@panoramix/contracts';
import { describe, expect, it } from 'vitest';
import { expectProblem, tinyPng, useTestApp } from '../../test/harness.ts';
import type { TestUser } from '../../test/harness.ts';
import { IdempotencyKeyModel } from './idempotency.model.ts';

const ctx = useTestApp();

const withKey = (key: string) => ({ headers: { 'idempotency-key': `"${key}"` } });
const myTasks = async (user: TestUser) => (await user.call(routes.tasks.list, { query: { projectId: 'none' } })).body.items;
/** Creates a task with the Idempotency-Key header. */
const createTask = (user: TestUser, body: RouteBodyInput<typeof routes.tasks.create>, key: string) =>
  user.call(routes.tasks.create, { body }, withKey(key));

describe('Idempotency-Key on create routes', () => {
  it('a retried POST /api/tasks creates one task and answers the same status and body twice', async () => {
    const user = await ctx.app.newUser();
    const first = await createTask(user, { title: 'Pay rent' }, 'retry-1');
    const retry = await createTask(user, { title: 'Pay rent' }, 'retry-1');
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect((await myTasks(user)).map((t) => t.title)).toEqual(['Pay rent']);
  });

  it('refuses the key with another body (422) and creates nothing more', async () => {
    const user = await ctx.app.newUser();
    await createTask(user, { title: 'Pay rent' }, 'reused');
    const other = await createTask(user, { title: 'Buy bread' }, 'reused');
    expect(expectProblem(other, 422).type).toBe('urn:panoramix:problem:idempotency-key-reused');
    expect(await myTasks(user)).toHaveLength(1);
  });

  it("keeps each user's keys apart: another user's same key creates their own task", async () => {
    const [alice, bob] = [await ctx.app.newUser(), await ctx.app.newUser()];
    const hers = await createTask(alice, { title: 'Pay rent' }, 'shared-key');
    const his = await createTask(bob, { title: 'Pay rent' }, 'shared-key');
    expect(his.status).toBe(201);
    expect(his.body.id).not.toBe(hers.body.id);
    expect(his.body.userId).toBe(bob.id);
    expect(await myTasks(bob)).toHaveLength(1);
  });

  it('answers 409 to a retry while the first request is still running', async () => {
    const user = await ctx.app.newUser();
    // The first request's claim, as it stands while its handler runs.
    await IdempotencyKeyModel.create({ _id: `${user.id}:in-flight`, userId: user.id, fingerprint: 'x', createdAt: new Date() });
    const res = await createTask(user, { title: 'Pay rent' }, 'in-flight');
    expectProblem(res, 409);
    expect(await myTasks(user)).toHaveLength(0);
  });

  it('frees a key whose request never finished (its instance stopped): the retry runs', async () => {
    const user = await ctx.app.newUser();
    const longAgo = new Date(Date.now() - 10 * 60 * 1000);
    await IdempotencyKeyModel.create({ _id: `${user.id}:abandoned`, userId: user.id, fingerprint: 'x', createdAt: longAgo });
    expect((await createTask(user, { title: 'Pay rent' }, 'abandoned')).status).toBe(201);
  });

  it('forgets a key after 24 hours, even where the database has no TTL index (FerretDB 1.x)', async () => {
    const user = await ctx.app.newUser();
    const first = await createTask(user, { title: 'Pay rent' }, 'old');
    await IdempotencyKeyModel.updateOne({ _id: `${user.id}:old` }, { $set: { createdAt: new Date(Date.now() - 25 * 3600_000) } });
    const later = await createTask(user, { title: 'Buy bread' }, 'old');
    expect(later.status).toBe(201);
    expect(later.body.id).not.toBe(first.body.id);
  });

  it('lets a key be used again after its request failed, rather than replaying the error', async () => {
    const user = await ctx.app.newUser();
    const refused = await createTask(user, { title: 'x', projectId: 'ffffffffffffffffffffffff' }, 'k');
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect((await createTask(user, { title: 'x' }, 'k')).status).toBe(201);
  });

  it('refuses a malformed key with a 400 naming the header', async () => {
    const user = await ctx.app.newUser();
    const res = await createTask(user, { title: 'x' }, 'has a space');
    expect(expectProblem(res, 400).errors?.[0]?.path).toBe('headers.Idempotency-Key');
    expect(await myTasks(user)).toHaveLength(0);
  });

  it('replays a retried upload: one file, the same answer', async () => {
    const user = await ctx.app.newUser();
    const upload = async () => {
      const form = new FormData();
      form.append('file', new Blob([tinyPng], { type: 'image/png' }), 'dot.png');
      const res = await fetch(`${user.baseUrl}/api/files`, {
        method: 'POST',
        headers: { authorization: `Bearer ${user.token}`, 'idempotency-key': 'upload-1' },
        body: form,
      });
      return { status: res.status, body: await res.json() };
    };
    const [first, retry] = [await upload(), await upload()];
    expect(first.status).toBe(201);
    expect(retry).toEqual(first);
    expect((await user.call(routes.files.list)).body.items).toHaveLength(1);
  });
});

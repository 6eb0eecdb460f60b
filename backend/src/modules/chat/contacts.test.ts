import { routes } from '@panoramix/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byId, expectProblem, startTestApp } from '../../../test/harness.ts';
import type { TestApp, TestUser } from '../../../test/harness.ts';

let app: TestApp;
let ann: TestUser;
let ben: TestUser;
beforeAll(async () => {
  app = await startTestApp();
  ann = await app.newUser();
  ben = await app.newUser({ username: 'benjamin_search' });
});
afterAll(() => app.close());

const add = (user: TestUser, userId: string) => user.call(routes.contacts.add, { body: { userId } });
const searchUsers = (user: TestUser, q: string) => user.call(routes.contacts.searchUsers, { query: { q } });
const contactsOf = (user: TestUser) => user.call(routes.contacts.list);

describe('contacts', () => {
  it('requires authentication and rejects invalid input naming the field', async () => {
    expectProblem(await app.client().call(routes.contacts.list), 401);
    expectProblem(await app.client().call(routes.contacts.searchUsers, { query: { q: 'ben' } }), 401);
    expect(expectProblem(await add(ann, 'x'), 400).errors?.[0]?.path).toBe('body.userId');
    expect(expectProblem(await add(ann, ann.id), 400).errors?.[0]?.path).toBe('body.userId');
    expectProblem(await add(ann, '0123456789abcdef01234567'), 400);
    expect(expectProblem(await searchUsers(ann, ''), 400).errors?.[0]?.path).toBe('query.q');
  });

  it('finds people by username prefix or display name, literally, and says who is a contact already', async () => {
    const found = await searchUsers(ann, 'BENJ');
    expect(found.body.items).toEqual([{ id: ben.id, username: ben.username, displayName: ben.username, isContact: false }]);
    expect((await searchUsers(ann, '.*')).body.items).toEqual([]);
    expect((await searchUsers(ann, ann.username)).body.items).toEqual([]);
  });

  it('adds once, lists, starts a direct room, and removes; only mine', async () => {
    const added = await add(ann, ben.id);
    expect(added.status).toBe(201);
    expect(added.body.user).toEqual({ id: ben.id, username: ben.username, displayName: ben.username });
    expect((await add(ann, ben.id)).body.id).toBe(added.body.id);
    expect((await contactsOf(ann)).body.items.map((c) => c.id)).toEqual([added.body.id]);
    expect((await searchUsers(ann, 'benj')).body.items[0]!.isContact).toBe(true);
    expect((await contactsOf(ben)).body.items).toEqual([]);

    const room = await ann.call(routes.rooms.create, { body: { type: 'direct', memberIds: [added.body.user.id] } });
    expect(room.status).toBe(201);
    const presence = await ann.call(routes.contacts.presence);
    expect(presence.body.items).toEqual([{ userId: ben.id, status: 'offline', lastSeenAt: null }]);

    expectProblem(await ben.call(routes.contacts.remove, byId(added.body.id)), 404);
    expect((await ann.call(routes.contacts.remove, byId(added.body.id))).status).toBe(204);
    expect((await contactsOf(ann)).body.items).toEqual([]);
  });
});

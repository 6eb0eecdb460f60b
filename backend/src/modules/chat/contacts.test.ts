import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, startTestApp } from '../../../test/harness.ts';
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

describe('contacts', () => {
  it('requires authentication and rejects invalid input naming the field', async () => {
    expectProblem(await app.client().get('/api/contacts'), 401);
    expectProblem(await app.client().get('/api/users/search?q=ben'), 401);
    expect(expectProblem(await ann.api.post('/api/contacts', { userId: 'x' }), 400).errors?.[0]?.path).toBe('body.userId');
    expect(expectProblem(await ann.api.post('/api/contacts', { userId: ann.id }), 400).errors?.[0]?.path).toBe('body.userId');
    expectProblem(await ann.api.post('/api/contacts', { userId: '0123456789abcdef01234567' }), 400);
    expect(expectProblem(await ann.api.get('/api/users/search?q='), 400).errors?.[0]?.path).toBe('query.q');
  });

  it('finds people by username prefix or display name, literally, and says who is a contact already', async () => {
    const found = await ann.api.get('/api/users/search?q=BENJ');
    expect(found.body.items).toEqual([{ id: ben.id, username: ben.username, displayName: ben.username, isContact: false }]);
    expect((await ann.api.get('/api/users/search?q=.*')).body.items).toEqual([]);
    expect((await ann.api.get(`/api/users/search?q=${ann.username}`)).body.items).toEqual([]);
  });

  it('adds once, lists, starts a direct room, and removes; only mine', async () => {
    const added = await ann.api.post('/api/contacts', { userId: ben.id });
    expect(added.status).toBe(201);
    expect(added.body.user).toEqual({ id: ben.id, username: ben.username, displayName: ben.username });
    expect((await ann.api.post('/api/contacts', { userId: ben.id })).body.id).toBe(added.body.id);
    expect((await ann.api.get('/api/contacts')).body.items.map((c: { id: string }) => c.id)).toEqual([added.body.id]);
    expect((await ann.api.get('/api/users/search?q=benj')).body.items[0].isContact).toBe(true);
    expect((await ben.api.get('/api/contacts')).body.items).toEqual([]);

    const room = await ann.api.post('/api/rooms', { type: 'direct', memberIds: [added.body.user.id] });
    expect(room.status).toBe(201);
    const presence = await ann.api.get('/api/presence');
    expect(presence.body.items).toEqual([{ userId: ben.id, status: 'offline', lastSeenAt: null }]);

    expectProblem(await ben.api.delete(`/api/contacts/${added.body.id}`), 404);
    expect((await ann.api.delete(`/api/contacts/${added.body.id}`)).status).toBe(204);
    expect((await ann.api.get('/api/contacts')).body.items).toEqual([]);
  });
});

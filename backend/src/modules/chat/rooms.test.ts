import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, nextEvent, recordEvents, settle, startTestApp } from '../../../test/harness.ts';
import type { TestApp, TestUser } from '../../../test/harness.ts';
import { RoomModel } from './model.ts';

let app: TestApp;
let ann: TestUser;
let ben: TestUser;
let cat: TestUser;
beforeAll(async () => {
  app = await startTestApp();
  [ann, ben, cat] = [await app.newUser(), await app.newUser(), await app.newUser()];
});
afterAll(() => app.close());

const group = async (owner: TestUser, members: TestUser[], name = 'Team') => {
  const res = await owner.api.post('/api/rooms', { type: 'group', name, memberIds: members.map((m) => m.id) });
  expect(res.status).toBe(201);
  return res.body as { id: string; members: { userId: string; isAdmin: boolean }[] };
};
const memberIds = (room: { members: { userId: string }[] }) => room.members.map((m) => m.userId);
const adminIds = (room: { members: { userId: string; isAdmin: boolean }[] }) =>
  room.members.filter((m) => m.isAdmin).map((m) => m.userId);

describe('rooms', () => {
  it('requires authentication and rejects invalid input naming the field', async () => {
    expectProblem(await app.client().get('/api/rooms'), 401);
    expect(expectProblem(await ann.api.post('/api/rooms', { type: 'group', name: '  ' }), 400).errors?.[0]?.path).toBe(
      'body.name',
    );
    expect(expectProblem(await ann.api.post('/api/rooms', { type: 'direct', memberIds: [] }), 400).errors?.[0]?.path).toMatch(
      /^body\.memberIds/,
    );
    expectProblem(await ann.api.post('/api/rooms', { type: 'lobby', name: 'x' }), 400);
    const ghost = expectProblem(
      await ann.api.post('/api/rooms', { type: 'direct', memberIds: ['0123456789abcdef01234567'] }),
      400,
    );
    expect(ghost.errors?.[0]?.path).toBe('body.memberIds.0');
    expectProblem(await ann.api.post('/api/rooms', { type: 'direct', memberIds: [ann.id] }), 400);
  });

  it('keeps one direct room per pair, whoever starts it, even when both start at once', async () => {
    const dan = await app.newUser();
    const [first, second] = await Promise.all([
      dan.api.post('/api/rooms', { type: 'direct', memberIds: [ann.id] }),
      ann.api.post('/api/rooms', { type: 'direct', memberIds: [dan.id] }),
    ]);
    expect(first.body.id).toBe(second.body.id);
    expect(first.body).toMatchObject({ type: 'direct', name: null, unreadCount: 0, lastMessage: null });
    expect(memberIds(first.body).sort()).toEqual([ann.id, dan.id].sort());
    const again = await dan.api.post('/api/rooms', { type: 'direct', memberIds: [ann.id] });
    expect(again.body.id).toBe(first.body.id);
    expect(await RoomModel.countDocuments({ memberIds: dan.id })).toBe(1);
    expectProblem(await dan.api.patch(`/api/rooms/${first.body.id}`, { name: 'x' }), 409);
    expectProblem(await dan.api.post(`/api/rooms/${first.body.id}/members`, { userIds: [cat.id] }), 409);
    expectProblem(await dan.api.delete(`/api/rooms/${first.body.id}/members/${dan.id}`), 409);
  });

  it('creates a group administered by its creator and tells every member', async () => {
    const benSocket = await app.socket(ben.token);
    const created = nextEvent(benSocket, 'room:created');
    const room = await group(ann, [ben, ben, ann]);
    expect(memberIds(room)).toEqual([ann.id, ben.id]);
    expect(adminIds(room)).toEqual([ann.id]);
    expect((await created).id).toBe(room.id);
    const listed = await ben.api.get('/api/rooms');
    expect(listed.body.items.map((r: { id: string }) => r.id)).toContain(room.id);
  });

  it('admins add, remove and rename; members may not; outsiders get 404 everywhere', async () => {
    const room = await group(ann, [ben]);
    expectProblem(await ben.api.patch(`/api/rooms/${room.id}`, { name: 'Mine' }), 403);
    expectProblem(await ben.api.post(`/api/rooms/${room.id}/members`, { userIds: [cat.id] }), 403);
    expectProblem(await ben.api.delete(`/api/rooms/${room.id}`), 403);

    const catSocket = await app.socket(cat.token);
    const welcomed = nextEvent(catSocket, 'room:created');
    const added = await ann.api.post(`/api/rooms/${room.id}/members`, { userIds: [cat.id] });
    expect(memberIds(added.body)).toEqual([ann.id, ben.id, cat.id]);
    expect((await welcomed).id).toBe(room.id);
    expect((await ann.api.patch(`/api/rooms/${room.id}`, { name: 'Renamed' })).body.name).toBe('Renamed');

    const removed = nextEvent(catSocket, 'room:deleted');
    expect(memberIds((await ann.api.delete(`/api/rooms/${room.id}/members/${cat.id}`)).body)).toEqual([ann.id, ben.id]);
    expect(await removed).toEqual({ id: room.id });
    for (const res of [
      await cat.api.get(`/api/rooms/${room.id}`),
      await cat.api.patch(`/api/rooms/${room.id}`, { name: 'x' }),
      await cat.api.delete(`/api/rooms/${room.id}`),
      await cat.api.post(`/api/rooms/${room.id}/members`, { userIds: [cat.id] }),
      await cat.api.delete(`/api/rooms/${room.id}/members/${cat.id}`),
      await cat.api.get(`/api/rooms/${room.id}/messages`),
      await cat.api.post(`/api/rooms/${room.id}/messages`, { clientId: 'outsider-1', text: 'hi' }),
      await cat.api.post(`/api/rooms/${room.id}/read`, { messageId: room.id }),
    ]) {
      expectProblem(res, 404);
    }
  });

  it('hands admin to the oldest member when the last admin leaves, and deletes the room when the last member leaves', async () => {
    const room = await group(ann, [ben, cat]);
    const left = await ann.api.delete(`/api/rooms/${room.id}/members/${ann.id}`);
    expect(adminIds(left.body)).toEqual([ben.id]);
    expectProblem(await ann.api.get(`/api/rooms/${room.id}`), 404);
    await ben.api.delete(`/api/rooms/${room.id}/members/${ben.id}`);
    expect(adminIds((await cat.api.get(`/api/rooms/${room.id}`)).body)).toEqual([cat.id]);
    expect((await cat.api.delete(`/api/rooms/${room.id}/members/${cat.id}`)).status).toBe(200);
    expectProblem(await cat.api.get(`/api/rooms/${room.id}`), 404);
  });

  it('an admin deletes a group with its messages, in a durable job', async () => {
    const room = await group(ann, [ben]);
    await ben.api.post(`/api/rooms/${room.id}/messages`, { clientId: 'doomed-0001', text: 'bye' });
    const benSocket = await app.socket(ben.token);
    const gone = nextEvent(benSocket, 'room:deleted');
    expect((await ann.api.delete(`/api/rooms/${room.id}`)).status).toBe(202);
    expect(await gone).toEqual({ id: room.id });
    expectProblem(await ben.api.get(`/api/rooms/${room.id}/messages`), 404);
    await expect
      .poll(() => RoomModel.countDocuments({ _id: room.id }).setOptions({ tenancy: 'system' }), { timeout: 5000 })
      .toBe(0);
  });

  it('a member mutes a room for themself alone; their other devices follow, nobody else hears of it', async () => {
    const room = await group(ann, [ben]);
    expectProblem(await ann.api.patch(`/api/rooms/${room.id}/me`, { muted: 'yes' }), 400);
    expectProblem(await ann.api.patch(`/api/rooms/${room.id}/me`, {}), 400);
    const [annTablet, benSocket, catSocket] = [
      await app.socket(ann.token),
      await app.socket(ben.token),
      await app.socket(cat.token),
    ];
    const [benHeard, catHeard] = [recordEvents(benSocket), recordEvents(catSocket)];
    const followed = nextEvent(annTablet, 'room:muted');

    const muted = await ann.api.patch(`/api/rooms/${room.id}/me`, { muted: true });
    expect(muted.body).toMatchObject({ id: room.id, muted: true, unreadCount: 0 });
    expect(await followed).toEqual({ roomId: room.id, muted: true });
    expect((await ann.api.get(`/api/rooms/${room.id}`)).body.muted).toBe(true);
    expect((await ben.api.get(`/api/rooms/${room.id}`)).body.muted).toBe(false);
    // Muted still counts unread in the room itself: only notifications and the badge ignore it.
    await ben.api.post(`/api/rooms/${room.id}/messages`, { clientId: 'muted-0001', text: 'psst' });
    expect((await ann.api.get('/api/rooms')).body.items.find((r: { id: string }) => r.id === room.id)).toMatchObject({
      muted: true,
      unreadCount: 1,
    });
    expect((await ann.api.patch(`/api/rooms/${room.id}/me`, { muted: false })).body.muted).toBe(false);

    expectProblem(await cat.api.patch(`/api/rooms/${room.id}/me`, { muted: true }), 404);
    await settle();
    expect([...benHeard, ...catHeard].filter((e) => e.type === 'room:muted')).toEqual([]);
  });

  it('lists my rooms by latest activity, page by page', async () => {
    const eve = await app.newUser();
    const rooms = [await group(eve, [ann], 'A'), await group(eve, [ann], 'B'), await group(eve, [ann], 'C')];
    await eve.api.post(`/api/rooms/${rooms[0]!.id}/messages`, { clientId: 'activity-01', text: 'bump' });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { id: string }[]; nextCursor: string | null } } = await eve.api.get(
        `/api/rooms?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...res.body.items.map((r) => r.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([rooms[0]!.id, rooms[2]!.id, rooms[1]!.id]);
  });
});

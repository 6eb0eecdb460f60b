import { routes } from '@panoramix/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byId, expectProblem, nextEvent, recordEvents, settle, startTestApp } from '../../../test/harness.ts';
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
  const res = await owner.call(routes.rooms.create, { body: { type: 'group', name, memberIds: members.map((m) => m.id) } });
  expect(res.status).toBe(201);
  return res.body;
};
const direct = (user: TestUser, other: string) =>
  user.call(routes.rooms.create, { body: { type: 'direct', memberIds: [other] } });
const rename = (user: TestUser, id: string, name: string) => user.call(routes.rooms.update, { ...byId(id), body: { name } });
const addMembers = (user: TestUser, id: string, userIds: string[]) =>
  user.call(routes.rooms.addMembers, { ...byId(id), body: { userIds } });
const removeMember = (user: TestUser, id: string, userId: string) =>
  user.call(routes.rooms.removeMember, { params: { id, userId } });
const mute = (user: TestUser, id: string, muted: boolean) => user.call(routes.rooms.updateMine, { ...byId(id), body: { muted } });
const send = (user: TestUser, id: string, clientId: string, text: string) =>
  user.call(routes.messages.send, { ...byId(id), body: { clientId, text } });
const memberIds = (room: { members: { userId: string }[] }) => room.members.map((m) => m.userId);
const adminIds = (room: { members: { userId: string; isAdmin: boolean }[] }) =>
  room.members.filter((m) => m.isAdmin).map((m) => m.userId);

describe('rooms', () => {
  it('requires authentication and rejects invalid input naming the field', async () => {
    expectProblem(await app.client().call(routes.rooms.list), 401);
    const blank = await ann.call(routes.rooms.create, { body: { type: 'group', name: '  ' } });
    expect(expectProblem(blank, 400).errors?.[0]?.path).toBe('body.name');
    // Sent raw: the contract's types forbid these bodies.
    expect(expectProblem(await ann.api.post('/api/rooms', { type: 'direct', memberIds: [] }), 400).errors?.[0]?.path).toMatch(
      /^body\.memberIds/,
    );
    expectProblem(await ann.api.post('/api/rooms', { type: 'lobby', name: 'x' }), 400);
    const ghost = expectProblem(await direct(ann, '0123456789abcdef01234567'), 400);
    expect(ghost.errors?.[0]?.path).toBe('body.memberIds.0');
    expectProblem(await direct(ann, ann.id), 400);
  });

  it('keeps one direct room per pair, whoever starts it, even when both start at once', async () => {
    const dan = await app.newUser();
    const [first, second] = await Promise.all([direct(dan, ann.id), direct(ann, dan.id)]);
    expect(first.body.id).toBe(second.body.id);
    expect(first.body).toMatchObject({ type: 'direct', name: null, unreadCount: 0, lastMessage: null });
    expect(memberIds(first.body).sort()).toEqual([ann.id, dan.id].sort());
    const again = await direct(dan, ann.id);
    expect(again.body.id).toBe(first.body.id);
    expect(await RoomModel.countDocuments({ memberIds: dan.id })).toBe(1);
    expectProblem(await rename(dan, first.body.id, 'x'), 409);
    expectProblem(await addMembers(dan, first.body.id, [cat.id]), 409);
    expectProblem(await removeMember(dan, first.body.id, dan.id), 409);
  });

  it('creates a group administered by its creator and tells every member', async () => {
    const benSocket = await app.socket(ben.token);
    const created = nextEvent(benSocket, 'room:created');
    const room = await group(ann, [ben, ben, ann]);
    expect(memberIds(room)).toEqual([ann.id, ben.id]);
    expect(adminIds(room)).toEqual([ann.id]);
    expect((await created).id).toBe(room.id);
    const listed = await ben.call(routes.rooms.list);
    expect(listed.body.items.map((r) => r.id)).toContain(room.id);
  });

  it('admins add, remove and rename; members may not; outsiders get 404 everywhere', async () => {
    const room = await group(ann, [ben]);
    expectProblem(await rename(ben, room.id, 'Mine'), 403);
    expectProblem(await addMembers(ben, room.id, [cat.id]), 403);
    expectProblem(await ben.call(routes.rooms.remove, byId(room.id)), 403);

    const catSocket = await app.socket(cat.token);
    const welcomed = nextEvent(catSocket, 'room:created');
    const added = await addMembers(ann, room.id, [cat.id]);
    expect(memberIds(added.body)).toEqual([ann.id, ben.id, cat.id]);
    expect((await welcomed).id).toBe(room.id);
    expect((await rename(ann, room.id, 'Renamed')).body.name).toBe('Renamed');

    const removed = nextEvent(catSocket, 'room:deleted');
    expect(memberIds((await removeMember(ann, room.id, cat.id)).body)).toEqual([ann.id, ben.id]);
    expect(await removed).toEqual({ id: room.id });
    for (const res of [
      await cat.call(routes.rooms.get, byId(room.id)),
      await rename(cat, room.id, 'x'),
      await cat.call(routes.rooms.remove, byId(room.id)),
      await addMembers(cat, room.id, [cat.id]),
      await removeMember(cat, room.id, cat.id),
      await cat.call(routes.messages.list, byId(room.id)),
      await send(cat, room.id, 'outsider-1', 'hi'),
      await cat.call(routes.rooms.read, { ...byId(room.id), body: { messageId: room.id } }),
    ]) {
      expectProblem(res, 404);
    }
  });

  it('hands admin to the oldest member when the last admin leaves, and deletes the room when the last member leaves', async () => {
    const room = await group(ann, [ben, cat]);
    const left = await removeMember(ann, room.id, ann.id);
    expect(adminIds(left.body)).toEqual([ben.id]);
    expectProblem(await ann.call(routes.rooms.get, byId(room.id)), 404);
    await removeMember(ben, room.id, ben.id);
    expect(adminIds((await cat.call(routes.rooms.get, byId(room.id))).body)).toEqual([cat.id]);
    expect((await removeMember(cat, room.id, cat.id)).status).toBe(200);
    expectProblem(await cat.call(routes.rooms.get, byId(room.id)), 404);
  });

  it('an admin deletes a group with its messages, in a durable job', async () => {
    const room = await group(ann, [ben]);
    await send(ben, room.id, 'doomed-0001', 'bye');
    const benSocket = await app.socket(ben.token);
    const gone = nextEvent(benSocket, 'room:deleted');
    expect((await ann.call(routes.rooms.remove, byId(room.id))).status).toBe(202);
    expect(await gone).toEqual({ id: room.id });
    expectProblem(await ben.call(routes.messages.list, byId(room.id)), 404);
    await expect.poll(() => RoomModel.countDocuments({ _id: room.id }).setOptions({ tenancy: 'system' })).toBe(0);
  });

  it('a member mutes a room for themself alone; their other devices follow, nobody else hears of it', async () => {
    const room = await group(ann, [ben]);
    // Sent raw: the contract's types forbid these bodies.
    expectProblem(await ann.api.patch(`/api/rooms/${room.id}/me`, { muted: 'yes' }), 400);
    expectProblem(await ann.api.patch(`/api/rooms/${room.id}/me`, {}), 400);
    const [annTablet, benSocket, catSocket] = [
      await app.socket(ann.token),
      await app.socket(ben.token),
      await app.socket(cat.token),
    ];
    const [benHeard, catHeard] = [recordEvents(benSocket), recordEvents(catSocket)];
    const followed = nextEvent(annTablet, 'room:muted');

    const muted = await mute(ann, room.id, true);
    expect(muted.body).toMatchObject({ id: room.id, muted: true, unreadCount: 0 });
    expect(await followed).toEqual({ roomId: room.id, muted: true });
    expect((await ann.call(routes.rooms.get, byId(room.id))).body.muted).toBe(true);
    expect((await ben.call(routes.rooms.get, byId(room.id))).body.muted).toBe(false);
    // Muted still counts unread in the room itself: only notifications and the badge ignore it.
    await send(ben, room.id, 'muted-0001', 'psst');
    expect((await ann.call(routes.rooms.list)).body.items.find((r) => r.id === room.id)).toMatchObject({
      muted: true,
      unreadCount: 1,
    });
    expect((await mute(ann, room.id, false)).body.muted).toBe(false);

    expectProblem(await mute(cat, room.id, true), 404);
    await settle();
    expect([...benHeard, ...catHeard].filter((e) => e.type === 'room:muted')).toEqual([]);
  });

  it('lists my rooms by latest activity, page by page', async () => {
    const eve = await app.newUser();
    const rooms = [await group(eve, [ann], 'A'), await group(eve, [ann], 'B'), await group(eve, [ann], 'C')];
    await send(eve, rooms[0]!.id, 'activity-01', 'bump');
    const listPage = (cursor: string | null) => eve.call(routes.rooms.list, { query: { limit: 2, cursor: cursor ?? undefined } });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await listPage(cursor);
      seen.push(...res.body.items.map((r) => r.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([rooms[0]!.id, rooms[2]!.id, rooms[1]!.id]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGE_MAX_CHARS, routes } from '@panoramix/contracts';
import type { RouteBodyInput } from '@panoramix/contracts';
import { byId, expectProblem, startTestApp } from '../../../test/harness.ts';
import type { TestApp, TestUser } from '../../../test/harness.ts';
import { FLOOD_MESSAGES } from './flood.ts';
import { MessageModel } from './model.ts';

let app: TestApp;
let ann: TestUser;
let ben: TestUser;
let cat: TestUser;
let roomId: string;
beforeAll(async () => {
  app = await startTestApp();
  [ann, ben, cat] = [await app.newUser(), await app.newUser(), await app.newUser()];
  roomId = (await newGroup(ann, 'Chat', [ben.id, cat.id])).id;
});
afterAll(() => app.close());

const newGroup = async (user: TestUser, name: string, memberIds: string[]) =>
  (await user.call(routes.rooms.create, { body: { type: 'group', name, memberIds } })).body;
type MessageInput = RouteBodyInput<typeof routes.messages.send>;
const post = (user: TestUser, room: string, body: MessageInput) => user.call(routes.messages.send, { ...byId(room), body });
let sequence = 0;
const send = async (user: TestUser, text: string, extra: Partial<MessageInput> = {}, room = roomId) => {
  const res = await post(user, room, { clientId: `client-${++sequence}-id`, text, ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
};
const unreadOf = async (user: TestUser, room = roomId) => (await user.call(routes.rooms.get, byId(room))).body.unreadCount;
const edit = (user: TestUser, id: string, text: string) => user.call(routes.messages.edit, { ...byId(id), body: { text } });
const remove = (user: TestUser, id: string) => user.call(routes.messages.remove, byId(id));
const markRead = (user: TestUser, room: string, messageId: string) =>
  user.call(routes.rooms.read, { ...byId(room), body: { messageId } });

describe('sending', () => {
  it('stores the raw text and answers the full message', async () => {
    const text = '**bold** _it_ `code` <script>alert(1)</script>\nline two';
    const message = await send(ann, text);
    expect(message).toMatchObject({
      roomId,
      userId: ann.id,
      text,
      replyTo: null,
      reactions: [],
      editedAt: null,
      deletedAt: null,
    });
  });

  it('is idempotent by clientId: a retry returns the first message and stores nothing more', async () => {
    const body = { clientId: 'retry-0000-0001', text: 'once' };
    const [a, b] = await Promise.all([post(ann, roomId, body), post(ann, roomId, body)]);
    const c = await post(ann, roomId, body);
    expect(new Set([a.body.id, b.body.id, c.body.id]).size).toBe(1);
    expect(await MessageModel.countDocuments({ roomId, clientId: body.clientId })).toBe(1);
    // The same clientId from someone else is their own message.
    expect((await post(ben, roomId, body)).body.id).not.toBe(a.body.id);
  });

  it('refuses empty, blank, oversized and malformed messages, naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ clientId: 'bad-input-01', text: '' }, 'body.text'],
      [{ clientId: 'bad-input-02', text: ' \n\t ' }, 'body.text'],
      [{ clientId: 'bad-input-03', text: 'x'.repeat(MESSAGE_MAX_CHARS + 1) }, 'body.text'],
      [{ clientId: 'no', text: 'short id' }, 'body.clientId'],
      [{ text: 'no id' }, 'body.clientId'],
      [{ clientId: 'bad-input-04', text: { $ne: '' } }, 'body.text'],
    ];
    for (const [body, path] of cases) {
      // Sent raw: some of these bodies are what the contract's types forbid.
      expect(expectProblem(await ann.api.post(`/api/rooms/${roomId}/messages`, body), 400).errors?.[0]?.path).toBe(path);
    }
    expect((await send(ann, 'x'.repeat(MESSAGE_MAX_CHARS))).text).toHaveLength(MESSAGE_MAX_CHARS);
  });

  it('replies to a message of the same room only, and records mentions of members only', async () => {
    const original = await send(ben, 'question?');
    const reply = await send(ann, 'hey @' + ben.username + ' and @nobody_here, see', { replyTo: original.id });
    expect(reply.replyTo).toEqual({ id: original.id, userId: ben.id, excerpt: 'question?', deleted: false });
    expect(reply.mentions).toEqual([ben.id]);
    const other = (await ann.call(routes.rooms.create, { body: { type: 'direct', memberIds: [ben.id] } })).body.id;
    const res = await post(ann, other, { clientId: 'cross-room-1', text: 'x', replyTo: original.id });
    expect(expectProblem(res, 400).errors?.[0]?.path).toBe('body.replyTo');
  });

  it('refuses a flood per person and room with 429 and Retry-After, without affecting others', async () => {
    const flooder = await app.newUser();
    const room = (await newGroup(flooder, 'Flood', [ben.id])).id;
    for (let i = 0; i < FLOOD_MESSAGES; i++) await send(flooder, `spam ${i}`, {}, room);
    const lastSent = `client-${sequence}-id`;
    const refused = await post(flooder, room, { clientId: 'flood-over-1', text: 'one more' });
    expect(expectProblem(refused, 429).detail).toMatch(/at most 20 messages/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    await send(ben, 'I can still talk', {}, room);
    // A retry of a message already sent is not a new message: it still answers.
    expect((await post(flooder, room, { clientId: lastSent, text: 'x' })).status).toBe(201);
  });
});

describe('history', () => {
  it('pages newest first with a cursor that is stable while new messages arrive', async () => {
    const user = await app.newUser();
    const room = (await newGroup(user, 'History', [])).id;
    const sent: string[] = [];
    for (let i = 0; i < 7; i++) sent.push((await send(user, `m${i}`, {}, room)).id);
    const history = (cursor?: string) => user.call(routes.messages.list, { ...byId(room), query: { limit: 3, cursor } });
    const first = await history();
    expect(first.body.items.map((m) => m.id)).toEqual(sent.slice(4).reverse());
    await send(user, 'arrives meanwhile', {}, room);
    const seen = [...first.body.items];
    let cursor: string | null = first.body.nextCursor;
    while (cursor) {
      const res = await history(cursor);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
    }
    expect(seen.map((m) => m.id)).toEqual([...sent].reverse());
    expectProblem(await history('garbage'), 400);
  });
});

describe('editing and deleting', () => {
  it('the sender edits (marked edited); others may not; a deleted message cannot be edited', async () => {
    const message = await send(ann, 'typo');
    expectProblem(await edit(ben, message.id, 'hacked'), 403);
    expectProblem(await edit(ann, message.id, '  '), 400);
    const edited = await edit(ann, message.id, 'fixed');
    expect(edited.body).toMatchObject({ text: 'fixed' });
    expect(edited.body.editedAt).not.toBeNull();
    await remove(ann, message.id);
    expectProblem(await edit(ann, message.id, 'again'), 409);
  });

  it('soft-deletes: the message stays in the history without its text; replies show it deleted', async () => {
    const message = await send(ben, 'secret');
    const reply = await send(ann, 'answer', { replyTo: message.id });
    await ann.call(routes.messages.react, { ...byId(message.id), body: { emoji: '👍' } });
    expectProblem(await remove(cat, message.id), 403);
    const deleted = await remove(ben, message.id);
    expect(deleted.body).toMatchObject({ id: message.id, text: '', reactions: [], mentions: [] });
    expect(deleted.body.deletedAt).not.toBeNull();
    const history = (await cat.call(routes.messages.list, { ...byId(roomId), query: { limit: 5 } })).body.items;
    expect(history.find((m) => m.id === message.id)).toMatchObject({ text: '' });
    expect(history.find((m) => m.id === reply.id)!.replyTo).toMatchObject({ excerpt: '', deleted: true });
    // The group's admin may delete anyone's message.
    const other = await send(cat, 'off topic');
    expect((await remove(ann, other.id)).body.deletedAt).not.toBeNull();
  });

  it('answers 404 for messages of rooms I am not in', async () => {
    const outsider = await app.newUser();
    const message = await send(ann, 'members only');
    expectProblem(await edit(outsider, message.id, 'x'), 404);
    expectProblem(await remove(outsider, message.id), 404);
    expectProblem(await outsider.call(routes.messages.react, { ...byId(message.id), body: { emoji: '👍' } }), 404);
  });
});

describe('reactions', () => {
  it('toggles one reaction per person; another emoji replaces it; counts say who', async () => {
    const message = await send(ann, 'react to me');
    const react = (user: TestUser, emoji: RouteBodyInput<typeof routes.messages.react>['emoji']) =>
      user.call(routes.messages.react, { ...byId(message.id), body: { emoji } });
    await react(ben, '🎉');
    await react(cat, '🎉');
    expect((await react(ann, '👍')).body.reactions).toEqual([
      { emoji: '👍', count: 1, userIds: [ann.id] },
      { emoji: '🎉', count: 2, userIds: [ben.id, cat.id] },
    ]);
    expect((await react(ben, '❤️')).body.reactions).toEqual([
      { emoji: '👍', count: 1, userIds: [ann.id] },
      { emoji: '❤️', count: 1, userIds: [ben.id] },
      { emoji: '🎉', count: 1, userIds: [cat.id] },
    ]);
    expect((await react(ann, '👍')).body.reactions.map((r) => r.emoji)).toEqual(['❤️', '🎉']);
    const unicorn = await ann.api.post(`/api/messages/${message.id}/reactions`, { emoji: '🦄' }); // raw: not in the set
    expect(expectProblem(unicorn, 400).errors?.[0]?.path).toBe('body.emoji');
  });
});

describe('read state', () => {
  it('counts others’ unread messages per room, moves forward only, and ignores deleted ones', async () => {
    const room = (await newGroup(ann, 'Reads', [ben.id])).id;
    const first = await send(ann, 'one', {}, room);
    const second = await send(ann, 'two', {}, room);
    const third = await send(ann, 'three', {}, room);
    expect(await unreadOf(ann, room)).toBe(0);
    expect(await unreadOf(ben, room)).toBe(3);
    const read = await markRead(ben, room, second.id);
    expect(read.body).toMatchObject({ roomId: room, userId: ben.id, lastReadMessageId: second.id, unreadCount: 1 });
    expect((await markRead(ben, room, first.id)).body.lastReadMessageId).toBe(second.id);
    await remove(ann, third.id);
    expect(await unreadOf(ben, room)).toBe(0);
    const members = (await ann.call(routes.rooms.get, byId(room))).body.members;
    expect(members.find((m) => m.userId === ben.id)!.lastReadMessageId).toBe(second.id);
    const elsewhere = await send(ann, 'elsewhere');
    expect(expectProblem(await markRead(ben, room, elsewhere.id), 400).errors?.[0]?.path).toBe('body.messageId');
  });

  it('a member added later does not inherit the old history as unread', async () => {
    const room = (await newGroup(ann, 'Late', [])).id;
    await send(ann, 'before you came', {}, room);
    await ann.call(routes.rooms.addMembers, { ...byId(room), body: { userIds: [cat.id] } });
    expect(await unreadOf(cat, room)).toBe(0);
    await send(ann, 'welcome', {}, room);
    expect(await unreadOf(cat, room)).toBe(1);
  });
});

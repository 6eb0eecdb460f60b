import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGE_MAX_CHARS } from '@panoramix/contracts';
import { expectProblem, startTestApp } from '../../../test/harness.ts';
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
  roomId = (await ann.api.post('/api/rooms', { type: 'group', name: 'Chat', memberIds: [ben.id, cat.id] })).body.id;
});
afterAll(() => app.close());

let sequence = 0;
const send = async (user: TestUser, text: string, extra: Record<string, unknown> = {}, room = roomId) => {
  const res = await user.api.post(`/api/rooms/${room}/messages`, { clientId: `client-${++sequence}-id`, text, ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; text: string; [k: string]: unknown };
};
const unreadOf = async (user: TestUser, room = roomId) => (await user.api.get(`/api/rooms/${room}`)).body.unreadCount as number;

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
    const [a, b] = await Promise.all([
      ann.api.post(`/api/rooms/${roomId}/messages`, body),
      ann.api.post(`/api/rooms/${roomId}/messages`, body),
    ]);
    const c = await ann.api.post(`/api/rooms/${roomId}/messages`, body);
    expect(new Set([a.body.id, b.body.id, c.body.id]).size).toBe(1);
    expect(await MessageModel.countDocuments({ roomId, clientId: body.clientId })).toBe(1);
    // The same clientId from someone else is their own message.
    expect((await ben.api.post(`/api/rooms/${roomId}/messages`, body)).body.id).not.toBe(a.body.id);
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
      expect(expectProblem(await ann.api.post(`/api/rooms/${roomId}/messages`, body), 400).errors?.[0]?.path).toBe(path);
    }
    expect((await send(ann, 'x'.repeat(MESSAGE_MAX_CHARS))).text).toHaveLength(MESSAGE_MAX_CHARS);
  });

  it('replies to a message of the same room only, and records mentions of members only', async () => {
    const original = await send(ben, 'question?');
    const reply = await send(ann, 'hey @' + ben.username + ' and @nobody_here, see', { replyTo: original.id });
    expect(reply.replyTo).toEqual({ id: original.id, userId: ben.id, excerpt: 'question?', deleted: false });
    expect(reply.mentions).toEqual([ben.id]);
    const other = (await ann.api.post('/api/rooms', { type: 'direct', memberIds: [ben.id] })).body.id;
    const res = await ann.api.post(`/api/rooms/${other}/messages`, { clientId: 'cross-room-1', text: 'x', replyTo: original.id });
    expect(expectProblem(res, 400).errors?.[0]?.path).toBe('body.replyTo');
  });

  it('refuses a flood per person and room with 429 and Retry-After, without affecting others', async () => {
    const flooder = await app.newUser();
    const room = (await flooder.api.post('/api/rooms', { type: 'group', name: 'Flood', memberIds: [ben.id] })).body.id;
    for (let i = 0; i < FLOOD_MESSAGES; i++) await send(flooder, `spam ${i}`, {}, room);
    const lastSent = `client-${sequence}-id`;
    const refused = await flooder.api.post(`/api/rooms/${room}/messages`, { clientId: 'flood-over-1', text: 'one more' });
    expect(expectProblem(refused, 429).detail).toMatch(/at most 20 messages/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    await send(ben, 'I can still talk', {}, room);
    // A retry of a message already sent is not a new message: it still answers.
    expect((await flooder.api.post(`/api/rooms/${room}/messages`, { clientId: lastSent, text: 'x' })).status).toBe(201);
  });
});

describe('history', () => {
  it('pages newest first with a cursor that is stable while new messages arrive', async () => {
    const user = await app.newUser();
    const room = (await user.api.post('/api/rooms', { type: 'group', name: 'History', memberIds: [] })).body.id;
    const sent: string[] = [];
    for (let i = 0; i < 7; i++) sent.push((await send(user, `m${i}`, {}, room)).id);
    const first = await user.api.get(`/api/rooms/${room}/messages?limit=3`);
    expect(first.body.items.map((m: { id: string }) => m.id)).toEqual(sent.slice(4).reverse());
    await send(user, 'arrives meanwhile', {}, room);
    const seen = [...first.body.items];
    let cursor: string | null = first.body.nextCursor;
    while (cursor) {
      const res: { body: { items: { id: string }[]; nextCursor: string | null } } = await user.api.get(
        `/api/rooms/${room}/messages?limit=3&cursor=${cursor}`,
      );
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
    }
    expect(seen.map((m) => m.id)).toEqual([...sent].reverse());
    expectProblem(await user.api.get(`/api/rooms/${room}/messages?cursor=garbage`), 400);
  });
});

describe('editing and deleting', () => {
  it('the sender edits (marked edited); others may not; a deleted message cannot be edited', async () => {
    const message = await send(ann, 'typo');
    expectProblem(await ben.api.patch(`/api/messages/${message.id}`, { text: 'hacked' }), 403);
    expectProblem(await ann.api.patch(`/api/messages/${message.id}`, { text: '  ' }), 400);
    const edited = await ann.api.patch(`/api/messages/${message.id}`, { text: 'fixed' });
    expect(edited.body).toMatchObject({ text: 'fixed' });
    expect(edited.body.editedAt).not.toBeNull();
    await ann.api.delete(`/api/messages/${message.id}`);
    expectProblem(await ann.api.patch(`/api/messages/${message.id}`, { text: 'again' }), 409);
  });

  it('soft-deletes: the message stays in the history without its text; replies show it deleted', async () => {
    const message = await send(ben, 'secret');
    const reply = await send(ann, 'answer', { replyTo: message.id });
    await ann.api.post(`/api/messages/${message.id}/reactions`, { emoji: '👍' });
    expectProblem(await cat.api.delete(`/api/messages/${message.id}`), 403);
    const deleted = await ben.api.delete(`/api/messages/${message.id}`);
    expect(deleted.body).toMatchObject({ id: message.id, text: '', reactions: [], mentions: [] });
    expect(deleted.body.deletedAt).not.toBeNull();
    const history = (await cat.api.get(`/api/rooms/${roomId}/messages?limit=5`)).body.items;
    expect(history.find((m: { id: string }) => m.id === message.id)).toMatchObject({ text: '' });
    expect(history.find((m: { id: string }) => m.id === reply.id).replyTo).toMatchObject({ excerpt: '', deleted: true });
    // The group's admin may delete anyone's message.
    const other = await send(cat, 'off topic');
    expect((await ann.api.delete(`/api/messages/${other.id}`)).body.deletedAt).not.toBeNull();
  });

  it('answers 404 for messages of rooms I am not in', async () => {
    const outsider = await app.newUser();
    const message = await send(ann, 'members only');
    expectProblem(await outsider.api.patch(`/api/messages/${message.id}`, { text: 'x' }), 404);
    expectProblem(await outsider.api.delete(`/api/messages/${message.id}`), 404);
    expectProblem(await outsider.api.post(`/api/messages/${message.id}/reactions`, { emoji: '👍' }), 404);
  });
});

describe('reactions', () => {
  it('toggles one reaction per person; another emoji replaces it; counts say who', async () => {
    const message = await send(ann, 'react to me');
    const react = (user: TestUser, emoji: string) => user.api.post(`/api/messages/${message.id}/reactions`, { emoji });
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
    expect((await react(ann, '👍')).body.reactions.map((r: { emoji: string }) => r.emoji)).toEqual(['❤️', '🎉']);
    expect(expectProblem(await react(ann, '🦄'), 400).errors?.[0]?.path).toBe('body.emoji');
  });
});

describe('read state', () => {
  it('counts others’ unread messages per room, moves forward only, and ignores deleted ones', async () => {
    const room = (await ann.api.post('/api/rooms', { type: 'group', name: 'Reads', memberIds: [ben.id] })).body.id;
    const first = await send(ann, 'one', {}, room);
    const second = await send(ann, 'two', {}, room);
    const third = await send(ann, 'three', {}, room);
    expect(await unreadOf(ann, room)).toBe(0);
    expect(await unreadOf(ben, room)).toBe(3);
    const read = await ben.api.post(`/api/rooms/${room}/read`, { messageId: second.id });
    expect(read.body).toMatchObject({ roomId: room, userId: ben.id, lastReadMessageId: second.id, unreadCount: 1 });
    expect((await ben.api.post(`/api/rooms/${room}/read`, { messageId: first.id })).body.lastReadMessageId).toBe(second.id);
    await ann.api.delete(`/api/messages/${third.id}`);
    expect(await unreadOf(ben, room)).toBe(0);
    const members = (await ann.api.get(`/api/rooms/${room}`)).body.members;
    expect(members.find((m: { userId: string }) => m.userId === ben.id).lastReadMessageId).toBe(second.id);
    const elsewhere = await send(ann, 'elsewhere');
    expect(expectProblem(await ben.api.post(`/api/rooms/${room}/read`, { messageId: elsewhere.id }), 400).errors?.[0]?.path).toBe(
      'body.messageId',
    );
  });

  it('a member added later does not inherit the old history as unread', async () => {
    const room = (await ann.api.post('/api/rooms', { type: 'group', name: 'Late', memberIds: [] })).body.id;
    await send(ann, 'before you came', {}, room);
    await ann.api.post(`/api/rooms/${room}/members`, { userIds: [cat.id] });
    expect(await unreadOf(cat, room)).toBe(0);
    await send(ann, 'welcome', {}, room);
    expect(await unreadOf(cat, room)).toBe(1);
  });
});

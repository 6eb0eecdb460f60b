import { routes } from '@panoramix/contracts';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byId, nextEvent, recordEvents, settle, startTestApp } from '../../../test/harness.ts';
import type { TestApp, TestUser } from '../../../test/harness.ts';
import { createTypingService } from './typing.ts';

// Three people, two rooms: a group (ann, ben, cat) and a direct room (ann, ben). Ann has two tabs.
let app: TestApp;
let ann: TestUser;
let ben: TestUser;
let cat: TestUser;
let outsider: TestUser;
let group: string;
let direct: string;
let annTabs: Socket[];
let benSocket: Socket;
let catSocket: Socket;
let outsiderSocket: Socket;
let outsiderEvents: { type: string; data: any }[];
beforeAll(async () => {
  app = await startTestApp();
  [ann, ben, cat, outsider] = [await app.newUser(), await app.newUser(), await app.newUser(), await app.newUser()];
  group = (await ann.call(routes.rooms.create, { body: { type: 'group', name: 'Group', memberIds: [ben.id, cat.id] } })).body.id;
  direct = (await ann.call(routes.rooms.create, { body: { type: 'direct', memberIds: [ben.id] } })).body.id;
  annTabs = [await app.socket(ann.token), await app.socket(ann.token)];
  [benSocket, catSocket, outsiderSocket] = [
    await app.socket(ben.token),
    await app.socket(cat.token),
    await app.socket(outsider.token),
  ];
  outsiderEvents = recordEvents(outsiderSocket);
});
afterAll(async () => {
  // Whatever happened in the other tests, nothing of these rooms reached the outsider. Absence has
  // no event to wait for: let in-flight frames land, then look.
  await settle();
  expect(outsiderEvents).toEqual([]);
  await app.close();
});

/** Emits with an ack and resolves with the ack. */
const ask = (socket: Socket, event: string, payload: unknown) =>
  new Promise<any>((resolve) =>
    (socket.emit as (e: string, p: unknown, ack: (r: unknown) => void) => void)(event, payload, resolve),
  );
const only = (events: { type: string; data: any }[], type: string) => events.filter((e) => e.type === type).map((e) => e.data);

let sequence = 0;
const send = (user: TestUser, room: string, text: string) =>
  user.call(routes.messages.send, { ...byId(room), body: { clientId: `rt-${++sequence}-client`, text } }).then((r) => r.body);

describe('message delivery', () => {
  it('reaches every socket of every member once, with the full message; nobody else', async () => {
    const logs = [...annTabs, benSocket, catSocket].map(recordEvents);
    const inGroup = await send(ann, group, 'hello group');
    const inDirect = await send(ben, direct, 'hello ann');
    const [tab1, tab2, benLog, catLog] = logs.map((log) => () => only(log, 'message:new'));
    for (const received of [tab1!, tab2!, benLog!]) await expect.poll(received).toEqual([inGroup, inDirect]);
    // The direct message reached its members, so it would have reached Cat by now too.
    expect(catLog!()).toEqual([inGroup]);
    expect(inGroup).toMatchObject({ text: 'hello group', userId: ann.id, roomId: group });
  });

  it('sends over the socket too, idempotently, acknowledging with the message', async () => {
    const payload = { roomId: direct, clientId: 'socket-send-0001', text: 'via socket' };
    const received = nextEvent(benSocket, 'message:new');
    const first = await ask(annTabs[0]!, 'message:send', payload);
    expect(first).toMatchObject({ ok: true, data: { text: 'via socket', clientId: payload.clientId } });
    expect((await received).id).toBe(first.data.id);
    expect((await ask(annTabs[0]!, 'message:send', payload)).data.id).toBe(first.data.id);
    expect(await ask(annTabs[0]!, 'message:send', { ...payload, clientId: 'socket-send-0002', text: '' })).toMatchObject({
      ok: false,
      error: { status: 400 },
    });
  });

  it('announces edits, deletions and reactions to members with the full message', async () => {
    const message = await send(cat, group, 'to be changed');
    const annLog = recordEvents(annTabs[1]!);
    await cat.call(routes.messages.edit, { ...byId(message.id), body: { text: 'changed' } });
    await ben.call(routes.messages.react, { ...byId(message.id), body: { emoji: '😂' } });
    await cat.call(routes.messages.remove, byId(message.id));
    await expect.poll(() => only(annLog, 'message:updated')[0]).toMatchObject({ id: message.id, text: 'changed' });
    await expect
      .poll(() => only(annLog, 'message:reacted')[0]?.reactions)
      .toEqual([{ emoji: '😂', count: 1, userIds: [ben.id] }]);
    await expect.poll(() => only(annLog, 'message:deleted')[0]).toMatchObject({ id: message.id, text: '' });
  });
});

describe('socket events of a room I am not in', () => {
  it('answer 404 in the ack, and nothing else happens', async () => {
    const annLog = recordEvents(annTabs[0]!);
    for (const [event, payload] of [
      ['typing:start', { roomId: group }],
      ['typing:stop', { roomId: group }],
      ['message:send', { roomId: group, clientId: 'intruder-0001', text: 'let me in' }],
    ] as const) {
      expect(await ask(outsiderSocket, event, payload)).toEqual({
        ok: false,
        error: { status: 404, title: 'Not found', detail: 'Room not found' },
      });
    }
    expect(await ask(outsiderSocket, 'typing:start', { roomId: 'nope' })).toMatchObject({ ok: false, error: { status: 400 } });
    // Nothing to wait for when nothing should happen: let in-flight frames land, then look.
    await settle();
    expect(only(annLog, 'typing:start').concat(only(annLog, 'message:new'))).toEqual([]);
  });
});

describe('typing', () => {
  it('is relayed to the other members only, throttled, and stopped', async () => {
    const [annLog, benLog, catLog] = [recordEvents(annTabs[0]!), recordEvents(benSocket), recordEvents(catSocket)];
    expect(await ask(benSocket, 'typing:start', { roomId: direct })).toEqual({ ok: true });
    expect(await ask(benSocket, 'typing:start', { roomId: direct })).toEqual({ ok: true });
    await expect.poll(() => only(annLog, 'typing:start')).toEqual([{ roomId: direct, userId: ben.id, expiresInMs: 5000 }]);
    expect(await ask(benSocket, 'typing:stop', { roomId: direct })).toEqual({ ok: true });
    await expect.poll(() => only(annLog, 'typing:stop')).toEqual([{ roomId: direct, userId: ben.id }]);
    // The stop reached Ann after both starts: a relayed second start would have too.
    expect(only(annLog, 'typing:start')).toHaveLength(1);
    expect(only(benLog, 'typing:start').concat(only(catLog, 'typing:start'))).toEqual([]);
  });

  it('ends when the typist sends, and expires by itself', async () => {
    const catLog = recordEvents(catSocket);
    await ask(annTabs[0]!, 'typing:start', { roomId: group });
    await send(ann, group, 'done typing');
    await expect.poll(() => only(catLog, 'typing:stop')).toEqual([{ roomId: group, userId: ann.id }]);

    // The same code with a short lifetime, on the app's own event bus.
    const typing = createTypingService({ events: app.server.events, ttlMs: 150 });
    const expired = nextEvent(catSocket, 'typing:stop');
    await typing.start({ id: ben.id, username: ben.username, role: 'user' }, group);
    expect(await expired).toEqual({ roomId: group, userId: ben.id });
  });
});

describe('read state', () => {
  it('tells the reader’s devices their unread count, and the members who has seen what', async () => {
    const message = await send(ann, direct, 'did you see this?');
    const unread = nextEvent(benSocket, 'unread:updated');
    const seen = nextEvent(annTabs[1]!, 'message:read');
    await ben.call(routes.rooms.read, { ...byId(direct), body: { messageId: message.id } });
    expect(await unread).toMatchObject({ roomId: direct, userId: ben.id, unreadCount: 0, lastReadMessageId: message.id });
    expect(await seen).toMatchObject({ roomId: direct, userId: ben.id, lastReadMessageId: message.id });
  });
});

describe('presence', () => {
  it('follows a user across tabs: online, away when every tab is, offline with last seen', async () => {
    const dan = await app.newUser();
    await dan.call(routes.rooms.create, { body: { type: 'direct', memberIds: [ann.id] } });
    const changes: { status: string; lastSeenAt: string | null }[] = [];
    annTabs[0]!.on('presence:changed', (p: { userId: string; status: string; lastSeenAt: string | null }) => {
      if (p.userId === dan.id) changes.push(p);
    });
    const statusOf = async () => (await ann.call(routes.contacts.presence)).body.items.find((p) => p.userId === dan.id)?.status;
    expect(await statusOf()).toBe('offline');

    const tab1 = await app.socket(dan.token);
    await expect.poll(() => changes.at(-1)?.status).toBe('online');
    expect(await ask(tab1, 'presence:set', { status: 'away' })).toEqual({ ok: true });
    await expect.poll(() => changes.at(-1)?.status).toBe('away');
    expect(await statusOf()).toBe('away');
    const tab2 = await app.socket(dan.token);
    await expect.poll(() => changes.at(-1)?.status).toBe('online');
    tab2.disconnect();
    await expect.poll(() => changes.at(-1)?.status).toBe('away');
    tab1.disconnect();
    await expect.poll(() => changes.at(-1)?.status).toBe('offline');
    expect(changes.at(-1)!.lastSeenAt).not.toBeNull();
    expect(await statusOf()).toBe('offline');
    expect(only(outsiderEvents, 'presence:changed').some((p) => p.userId === dan.id)).toBe(false);
  });
});

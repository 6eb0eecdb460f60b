import { routes } from '@panoramix/contracts';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordEvents, settle, startTestApp } from '../../../test/harness.ts';
import type { TestApp, TestUser } from '../../../test/harness.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

/** The presence of `of` that `viewer` reads from GET /api/presence, or undefined when it is not shown. */
const presenceSeen = async (viewer: TestUser, of: TestUser) =>
  (await viewer.call(routes.contacts.presence)).body.items.find((p) => p.userId === of.id)?.status;
const addContact = (user: TestUser, of: TestUser) => user.call(routes.contacts.add, { body: { userId: of.id } });

/** The presence:changed events about `of` a socket received. */
const changesOf = (log: { type: string; data: any }[], of: TestUser) =>
  log.filter((e) => e.type === 'presence:changed' && e.data.userId === of.id).map((e) => e.data.status as string);

/** `viewer` watches with a socket; `subject` comes online. Resolves with what the viewer learnt of it, both ways. */
async function watch(viewer: TestUser, subject: TestUser) {
  const viewerSocket = await app.socket(viewer.token);
  const log = recordEvents(viewerSocket);
  const subjectSocket: Socket = await app.socket(subject.token);
  return { log, viewerSocket, subjectSocket };
}

describe('presence is seen', () => {
  it('not by a stranger who added me as a contact', async () => {
    const [me, stranger] = [await app.newUser(), await app.newUser()];
    expect((await addContact(stranger, me)).status).toBe(201);
    const { log, subjectSocket } = await watch(stranger, me);
    expect(await presenceSeen(stranger, me)).toBeUndefined();
    subjectSocket.disconnect();
    await settle(300);
    expect(changesOf(log, me)).toEqual([]);
  });

  it('by mutual contacts', async () => {
    const [me, friend] = [await app.newUser(), await app.newUser()];
    await addContact(friend, me);
    await addContact(me, friend);
    const { log, subjectSocket } = await watch(friend, me);
    await expect.poll(() => changesOf(log, me)).toEqual(['online']);
    expect(await presenceSeen(friend, me)).toBe('online');
    expect(await presenceSeen(me, friend)).toBe('online');
    subjectSocket.disconnect();
    await expect.poll(() => changesOf(log, me)).toEqual(['online', 'offline']);
  });

  it('by the members of a room I am in, until one of us leaves it', async () => {
    const [me, member] = [await app.newUser(), await app.newUser()];
    const room = (await member.call(routes.rooms.create, { body: { type: 'group', name: 'Shared', memberIds: [me.id] } })).body
      .id;
    const { log, subjectSocket } = await watch(member, me);
    await expect.poll(() => changesOf(log, me)).toEqual(['online']);
    expect(await presenceSeen(member, me)).toBe('online');

    expect((await me.call(routes.rooms.removeMember, { params: { id: room, userId: me.id } })).status).toBe(200);
    expect(await presenceSeen(member, me)).toBeUndefined();
    expect(await presenceSeen(me, member)).toBeUndefined();
    subjectSocket.disconnect();
    await app.socket(me.token);
    await settle(300);
    expect(changesOf(log, me)).toEqual(['online']); // nothing after the leave
  });
});

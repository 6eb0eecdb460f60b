import { routes } from '@panoramix/contracts';
import type { Socket } from 'socket.io-client';
import { beforeAll, describe, expect, it } from 'vitest';
import { byId, createClient, recordEvents, settle } from './harness.ts';
import { useTwoInstances } from './two-instances.ts';
import type { TestUser } from './harness.ts';

// Two API instances (this process and a child process) share one database and one real Redis;
// each chat member has a socket on each instance.
const instances = useTwoInstances('chat_fanout');

const ask = (socket: Socket, event: string, payload: unknown) =>
  new Promise<any>((resolve) =>
    (socket.emit as (e: string, p: unknown, ack: (r: unknown) => void) => void)(event, payload, resolve),
  );
const only = (events: { type: string; data: any }[], type: string) => events.filter((e) => e.type === type).map((e) => e.data);

describe('chat across two API instances behind one Redis', () => {
  let ann: TestUser;
  let ben: TestUser;
  let stranger: TestUser;
  let room: string;
  let logs: Record<string, { type: string; data: any }[]>;
  let sockets: Record<string, Socket>;
  beforeAll(async () => {
    [ann, ben, stranger] = [await instances.a.newUser(), await instances.a.newUser(), await instances.a.newUser()];
    room = (await ann.call(routes.rooms.create, { body: { type: 'group', name: 'Fan-out', memberIds: [ben.id] } })).body.id;
    sockets = {
      annOnA: await instances.a.socket(ann.token),
      annOnB: await instances.a.socketAt(instances.b.baseUrl, ann.token),
      benOnA: await instances.a.socket(ben.token),
      benOnB: await instances.a.socketAt(instances.b.baseUrl, ben.token),
      strangerOnB: await instances.a.socketAt(instances.b.baseUrl, stranger.token),
    };
    logs = Object.fromEntries(Object.entries(sockets).map(([name, socket]) => [name, recordEvents(socket)]));
  });

  it('delivers each message exactly once to every member socket on both instances, and to nobody else', async () => {
    const viaA = await ann.call(routes.messages.send, { ...byId(room), body: { clientId: 'fanout-a-0001', text: 'from A' } });
    const viaB = await createClient(instances.b.baseUrl, { token: ben.token }).call(routes.messages.send, {
      ...byId(room),
      body: { clientId: 'fanout-b-0001', text: 'from B' },
    });
    const viaSocket = await ask(sockets.benOnA!, 'message:send', { roomId: room, clientId: 'fanout-s-0001', text: 'socket' });
    const expected = [viaA.body.id, viaB.body.id, viaSocket.data.id].sort();
    const received = (name: string) => only(logs[name]!, 'message:new').map((m) => m.id as string);
    await expect.poll(() => ['annOnA', 'annOnB', 'benOnA', 'benOnB'].map((n) => received(n).length)).toEqual([3, 3, 3, 3]);
    await settle(300);
    for (const name of ['annOnA', 'annOnB', 'benOnA', 'benOnB']) expect(received(name).sort()).toEqual(expected);
    expect(logs.strangerOnB!.filter((e) => e.type !== 'presence:changed')).toEqual([]);
  });

  it('relays typing from one instance to the other members’ sockets on both', async () => {
    expect(await ask(sockets.annOnB!, 'typing:start', { roomId: room })).toEqual({ ok: true });
    await expect
      .poll(() => [only(logs.benOnA!, 'typing:start').length, only(logs.benOnB!, 'typing:start').length])
      .toEqual([1, 1]);
    expect(only(logs.annOnA!, 'typing:start')).toEqual([]);
    expect(await ask(sockets.strangerOnB!, 'typing:start', { roomId: room })).toMatchObject({
      ok: false,
      error: { status: 404 },
    });
  });

  it('sees a user online while any instance holds one of their sockets', async () => {
    const presenceOf = async (client: ReturnType<typeof createClient>) =>
      (await client.call(routes.contacts.presence)).body.items.find((p) => p.userId === ben.id)!.status;
    const fromB = createClient(instances.b.baseUrl, { token: ann.token });
    expect([await presenceOf(ann.api), await presenceOf(fromB)]).toEqual(['online', 'online']);
    sockets.benOnA!.disconnect();
    await settle(300);
    expect([await presenceOf(ann.api), await presenceOf(fromB)]).toEqual(['online', 'online']);
    sockets.benOnB!.disconnect();
    await expect
      .poll(
        () =>
          only(logs.annOnA!, 'presence:changed')
            .filter((p) => p.userId === ben.id)
            .at(-1)?.status,
      )
      .toBe('offline');
    expect(
      only(logs.annOnB!, 'presence:changed')
        .filter((p) => p.userId === ben.id)
        .at(-1)?.status,
    ).toBe('offline');
    expect([await presenceOf(ann.api), await presenceOf(fromB)]).toEqual(['offline', 'offline']);
  });
});

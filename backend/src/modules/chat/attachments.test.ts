import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGE_MAX_FILES, routes } from '@panoramix/contracts';
import type { RouteBodyInput } from '@panoramix/contracts';
import {
  byId,
  expectProblem,
  nextEvent,
  recordEvents,
  settle,
  startTestApp,
  tinyPng,
  uploadFile,
} from '../../../test/harness.ts';
import type { TestApp, TestUser } from '../../../test/harness.ts';
import { MessageModel } from './model.ts';

const uploadsDir = mkdtempSync(path.join(os.tmpdir(), 'panoramix-attachments-'));
let app: TestApp;
let ann: TestUser;
let ben: TestUser;
let eve: TestUser;
let roomId: string;
beforeAll(async () => {
  app = await startTestApp({ UPLOADS_DIR: uploadsDir });
  [ann, ben, eve] = [await app.newUser(), await app.newUser(), await app.newUser()];
  roomId = (await ann.call(routes.rooms.create, { body: { type: 'group', name: 'Photos', memberIds: [ben.id] } })).body.id;
});
afterAll(async () => {
  await app.close();
  rmSync(uploadsDir, { recursive: true, force: true });
});

const storedBy = (user: TestUser) =>
  existsSync(path.join(uploadsDir, user.id)) ? readdirSync(path.join(uploadsDir, user.id)) : [];

let sequence = 0;
async function uploaded(user: TestUser, name = `doc-${++sequence}.txt`) {
  const res = name.endsWith('.png')
    ? await uploadFile(user, { name, bytes: tinyPng, type: 'image/png' })
    : await uploadFile(user, { name, bytes: `content of ${name}`, type: 'text/plain' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; name: string; size: number; mimeType: string };
}

type MessageInput = RouteBodyInput<typeof routes.messages.send>;
const post = (user: TestUser, body: Partial<MessageInput>, room = roomId) =>
  user.call(routes.messages.send, { ...byId(room), body: { clientId: `attach-${++sequence}-id`, ...body } });
const fileOf = (user: TestUser, id: string) => user.call(routes.files.get, byId(id));

const download = (user: TestUser, id: string) =>
  fetch(`${user.baseUrl}/api/files/${id}/content`, { headers: { authorization: `Bearer ${user.token}` } });

describe('attachments', () => {
  it('sends files without text; members download them, others get 404', async () => {
    const photo = await uploaded(ann, 'beach.png');
    const sent = await post(ann, { fileIds: [photo.id] });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({
      text: '',
      attachments: [{ id: photo.id, name: 'beach.png', size: tinyPng.length, mimeType: 'image/png' }],
    });

    const listed = await ben.call(routes.messages.list, byId(roomId));
    expect(listed.body.items[0]!.attachments).toEqual(sent.body.attachments);
    const res = await download(ben, photo.id);
    expect(Buffer.from(await res.arrayBuffer()).equals(tinyPng)).toBe(true);
    expect((await fileOf(ben, photo.id)).body).toMatchObject({ roomId, messageId: sent.body.id });
    // Members read an attachment; only its sender manages it.
    expectProblem(await ben.call(routes.files.remove, byId(photo.id)), 404);
    expectProblem(await ann.call(routes.files.update, { ...byId(photo.id), body: { name: 'x' } }), 409);

    expect((await download(eve, photo.id)).status).toBe(404);
    expectProblem(await fileOf(eve, photo.id), 404);
  });

  it('refuses a message with neither text nor files, too many files, or a repeated one', async () => {
    const empty = expectProblem(await post(ann, { text: '  ' }), 400);
    expect(empty.errors?.[0]?.path).toBe('body.text');
    const ids = Array.from({ length: MESSAGE_MAX_FILES + 1 }, (_, i) => i.toString(16).padStart(24, '0'));
    expect(expectProblem(await post(ann, { fileIds: ids }), 400).errors?.[0]?.path).toBe('body.fileIds');
    const file = await uploaded(ann);
    expectProblem(await post(ann, { fileIds: [file.id, file.id] }), 400);
  });

  it("refuses someone else's file and a file already attached, attaching nothing", async () => {
    const bens = await uploaded(ben);
    const anns = await uploaded(ann);
    const refused = expectProblem(await post(ann, { text: 'look', fileIds: [anns.id, bens.id] }), 400);
    expect(refused.errors?.[0]?.path).toBe('body.fileIds');
    expect((await fileOf(ann, anns.id)).body.messageId).toBeNull(); // released

    await post(ann, { text: 'first', fileIds: [anns.id] });
    expectProblem(await post(ann, { text: 'again', fileIds: [anns.id] }), 400);
  });

  it('a resend with the same clientId returns the first message and attaches nothing twice', async () => {
    const file = await uploaded(ann);
    const body = { clientId: 'attach-retry-0001', text: 'with file', fileIds: [file.id] };
    const [a, b] = await Promise.all([post(ann, body), post(ann, body)]);
    const c = await post(ann, body);
    expect(new Set([a!.body.id, b!.body.id, c.body.id]).size).toBe(1);
    expect(c.status).toBe(201);
    expect(c.body.attachments).toHaveLength(1);
    expect((await fileOf(ann, file.id)).body.messageId).toBe(c.body.id);
  });

  it('message:new carries the attachments to the members only, over REST and the socket send', async () => {
    const [benSocket, eveSocket] = [await app.socket(ben.token), await app.socket(eve.token)];
    const eveHeard = recordEvents(eveSocket);
    const file = await uploaded(ann);
    const heard = nextEvent(benSocket, 'message:new');
    await post(ann, { fileIds: [file.id] });
    expect((await heard).attachments).toEqual([{ id: file.id, name: file.name, size: file.size, mimeType: 'text/plain' }]);

    const annSocket = await app.socket(ann.token);
    const other = await uploaded(ann);
    const ack = await annSocket
      .timeout(5000)
      .emitWithAck('message:send', { roomId, clientId: 'socket-attach-0001', fileIds: [other.id] });
    expect(ack).toMatchObject({ ok: true, data: { attachments: [{ id: other.id }] } });
    await settle();
    expect(eveHeard).toEqual([]);
  });

  it('deleting a message deletes its files, bytes included, and tells the members', async () => {
    const file = await uploaded(ann);
    const message = (await post(ann, { text: 'temporary', fileIds: [file.id] })).body;
    const isIt = (stored: string) => stored.endsWith(`__${file.name}`);
    expect(storedBy(ann).some(isIt)).toBe(true);
    const benSocket = await app.socket(ben.token);
    const fileGone = nextEvent(benSocket, 'file.deleted');
    const deleted = await ann.call(routes.messages.remove, byId(message.id));
    expect(deleted.body).toMatchObject({ deletedAt: expect.any(String), attachments: [] });
    expect(await fileGone).toEqual({ id: file.id, projectId: null, roomId });
    expectProblem(await fileOf(ann, file.id), 404);
    expect(storedBy(ann).some(isIt)).toBe(false);
  });

  it('refuses a project file (its project would reach into the room) and keeps it in its project', async () => {
    const project = (await ann.call(routes.projects.create, { body: { name: 'Chantier' } })).body;
    const res = await uploadFile(ann, { name: 'plan.txt', bytes: 'plan', type: 'text/plain' }, { projectId: project.id });
    expect(res.status).toBe(201);
    expect(expectProblem(await post(ann, { fileIds: [res.body.id] }), 400).errors?.[0]?.path).toBe('body.fileIds');
    expect((await fileOf(ann, res.body.id)).body).toMatchObject({ projectId: project.id, messageId: null });
  });

  it('a member viewing an attachment is not a download click; the uploader fetching a file of theirs is', async () => {
    const photo = await uploaded(ann, 'counted.png');
    await post(ann, { fileIds: [photo.id] });
    await (await download(ben, photo.id)).arrayBuffer();
    expect((await fileOf(ann, photo.id)).body.clicksCount).toBe(0);
    const loose = await uploaded(ann);
    await (await download(ann, loose.id)).arrayBuffer();
    expect((await fileOf(ann, loose.id)).body.clicksCount).toBe(1);
  });

  it('deletes a message stored before attachments existed (no fileIds field)', async () => {
    const message = (await post(ann, { text: 'from an older version' })).body;
    await MessageModel.updateOne({ _id: message.id }, { $unset: { fileIds: 1 } }).setOptions({ tenancy: 'system' });
    const deleted = await ann.call(routes.messages.remove, byId(message.id));
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
    expect(deleted.body).toMatchObject({ deletedAt: expect.any(String), attachments: [] });
  });

  it('deleting the room deletes its files in the cascade job', async () => {
    const room = (await ann.call(routes.rooms.create, { body: { type: 'group', name: 'Doomed', memberIds: [ben.id] } })).body.id;
    const file = await uploaded(ben);
    await post(ben, { fileIds: [file.id] }, room);
    expect((await ann.call(routes.rooms.remove, byId(room))).status).toBe(202);
    await expect.poll(async () => (await fileOf(ben, file.id)).status).toBe(404);
    expect(storedBy(ben).some((name) => name.endsWith(`__${file.name}`))).toBe(false);
  });
});

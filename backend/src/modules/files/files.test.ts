import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { routes } from '@panoramix/contracts';
import type { RouteBodyInput } from '@panoramix/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { byId, expectProblem, nextEvent, recordEvents, settle, tinyPng, uploadFile, useTeam } from '../../../test/harness.ts';
import type { TestUser } from '../../../test/harness.ts';

const uploadsDir = mkdtempSync(path.join(os.tmpdir(), 'panoramix-files-'));
const t = useTeam({ UPLOADS_DIR: uploadsDir });
afterAll(() => rmSync(uploadsDir, { recursive: true, force: true }));

const filesOf = (user: TestUser) =>
  existsSync(path.join(uploadsDir, user.id)) ? readdirSync(path.join(uploadsDir, user.id)) : [];

async function upload(user: TestUser, file: Parameters<typeof uploadFile>[1], fields: Record<string, string> = {}) {
  const res = await uploadFile(user, file, fields);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; name: string; size: number; mimeType: string; projectId: string | null };
}

const update = (user: TestUser, id: string, body: RouteBodyInput<typeof routes.files.update>) =>
  user.call(routes.files.update, { ...byId(id), body });

async function download(user: TestUser, id: string) {
  const res = await fetch(`${user.baseUrl}/api/files/${id}/content`, { headers: { authorization: `Bearer ${user.token}` } });
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

describe('files', () => {
  it('requires authentication, and stores nothing for an anonymous upload', async () => {
    expectProblem(await t.app.client().call(routes.files.list), 401);
    const anonymous = await uploadFile({ ...t.eve, token: 'forged' }, { name: 'a.txt', bytes: 'hello', type: 'text/plain' });
    expectProblem(anonymous, 401);
    expect(filesOf(t.eve)).toEqual([]);
  });

  it('uploads, lists, downloads the same bytes, renames and deletes with the bytes', async () => {
    const bytes = Buffer.from('Compte rendu\nligne 2\n');
    const file = await upload(t.alice, { name: 'Réunion été.txt', bytes, type: 'text/plain' });
    expect(file).toMatchObject({ name: 'Réunion été.txt', size: bytes.length, mimeType: 'text/plain', projectId: null });

    const listed = await t.alice.call(routes.files.list);
    expect(listed.body.items[0]).toMatchObject({ id: file.id, originalName: 'Réunion été.txt', clicksCount: 0 });

    const { res, bytes: downloaded } = await download(t.alice, file.id);
    expect(downloaded.equals(bytes)).toBe(true);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      `inline; filename="R_union _t_.txt"; filename*=UTF-8''R%C3%A9union%20%C3%A9t%C3%A9.txt`,
    );
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await t.alice.call(routes.files.get, byId(file.id))).body.clicksCount).toBe(1);

    const renamed = await update(t.alice, file.id, { name: 'Notes' });
    expect(renamed.body).toMatchObject({ name: 'Notes', originalName: 'Réunion été.txt' });

    expect(filesOf(t.alice)).toHaveLength(1);
    expect((await t.alice.call(routes.files.remove, byId(file.id))).status).toBe(204);
    expectProblem(await t.alice.call(routes.files.get, byId(file.id)), 404);
    expect(filesOf(t.alice)).toEqual([]);
  });

  it('keeps a long name of any script (255 and 1,000 bytes of UTF-8) and gives it back on download', async () => {
    const longName = (bytes: number) => {
      let name = '';
      for (let i = 0; Buffer.byteLength(`${name}.txt`) < bytes; i++) name += ['é', '😀', '漢', 'a'][i % 4];
      return `${name}.txt`;
    };
    for (const name of [longName(255), longName(1000)]) {
      const file = await upload(t.alice, { name, bytes: 'long', type: 'text/plain' });
      expect(file.name).toBe(name);
      const { res, bytes } = await download(t.alice, file.id);
      expect(bytes.toString()).toBe('long');
      const encoded = /filename\*=UTF-8''(.+)$/.exec(res.headers.get('content-disposition') ?? '')?.[1];
      expect(decodeURIComponent(encoded ?? '')).toBe(name);
    }
  });

  it('serves HTML and SVG as opaque attachments, images inline with their type', async () => {
    const html = await upload(t.alice, { name: 'page.html', bytes: '<script>alert(1)</script>', type: 'text/html' });
    const svg = await upload(t.alice, {
      name: 'logo.svg',
      bytes: '<svg xmlns="http://www.w3.org/2000/svg"/>',
      type: 'image/svg+xml',
    });
    for (const id of [html.id, svg.id]) {
      const { res } = await download(t.alice, id);
      expect(res.headers.get('content-type')).toBe('application/octet-stream');
      expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
      expect(res.headers.get('content-security-policy')).toContain('sandbox');
    }
    const png = await upload(t.alice, { name: 'pixel.png', bytes: tinyPng, type: 'image/png' });
    expect(png.mimeType).toBe('image/png');
    const { res, bytes } = await download(t.alice, png.id);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-disposition')).toMatch(/^inline;/);
    expect(bytes.equals(tinyPng)).toBe(true);
  });

  it('refuses content that contradicts its name or type, and programs, keeping no bytes', async () => {
    const before = filesOf(t.bob);
    const cases = [
      { name: 'photo.png', bytes: 'not an image at all', type: 'image/png' },
      { name: 'scan.pdf', bytes: tinyPng, type: 'application/pdf' },
      { name: 'notes.txt', bytes: tinyPng, type: 'text/plain' },
      { name: 'setup.exe', bytes: 'MZ whatever', type: 'application/octet-stream' },
      { name: 'innocent.dat', bytes: Buffer.concat([Buffer.from('\x7fELF\x02\x01\x01', 'latin1'), Buffer.alloc(64)]) },
    ];
    for (const file of cases) {
      const problem = expectProblem(await uploadFile(t.bob, file), 415);
      expect(problem.errors?.[0]?.path, file.name).toBe('body.file');
    }
    expect(filesOf(t.bob)).toEqual(before);
  });

  it('refuses a body that is not a form, a form without a file, and unknown fields', async () => {
    expectProblem(await t.alice.api.post('/api/files', { name: 'x' }), 415); // raw: JSON where a form belongs
    const form = new FormData();
    form.append('name', 'no file');
    const noFile = await fetch(`${t.alice.baseUrl}/api/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.alice.token}` },
      body: form,
    });
    expect(noFile.status).toBe(400);
    const unknown = await uploadFile(t.alice, { name: 'a.txt', bytes: 'x', type: 'text/plain' }, { userId: t.bob.id });
    expectProblem(unknown, 400);
    const multipartElsewhere = await fetch(`${t.alice.baseUrl}/api/links`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.alice.token}` },
      body: form,
    });
    expect(multipartElsewhere.status).toBe(415);
  });

  it('accepts 50 MB and answers 413 above it, leaving no partial file', async () => {
    const user = await t.app.newUser();
    const limit = 50 * 1024 * 1024;
    const accepted = await upload(user, { name: 'big.bin', bytes: Buffer.alloc(limit, 7) });
    expect(accepted.size).toBe(limit);
    const refused = expectProblem(await uploadFile(user, { name: 'bigger.bin', bytes: Buffer.alloc(limit + 1, 7) }), 413);
    expect(refused).toMatchObject({ title: 'Upload too large', detail: 'Uploads are limited to 50 MB.' });
    expect(filesOf(user)).toHaveLength(1);
  }, 60_000);

  it('pages newest first and filters by project', async () => {
    const user = await t.app.newUser();
    const project = (await user.call(routes.projects.create, { body: { name: 'Docs' } })).body;
    for (let i = 0; i < 3; i++) await upload(user, { name: `f${i}.txt`, bytes: `${i}`, type: 'text/plain' });
    await upload(user, { name: 'in-project.txt', bytes: 'p', type: 'text/plain' }, { projectId: project.id, name: 'Spec' });
    const list = (query: { limit?: number; cursor?: string; projectId?: string }) => user.call(routes.files.list, { query });
    const first = await list({ limit: 2 });
    expect(first.body.items.map((f) => f.name)).toEqual(['Spec', 'f2.txt']);
    const second = await list({ limit: 2, cursor: first.body.nextCursor! });
    expect(second.body).toMatchObject({ items: [{ name: 'f1.txt' }, { name: 'f0.txt' }] });
    expect((await list({ projectId: project.id })).body.items.map((f) => f.name)).toEqual(['Spec']);
    expect((await list({ projectId: 'none' })).body.items).toHaveLength(3);
  });
});

describe('sharing and isolation', () => {
  it('answers 404 to another user on every route and leaves the file untouched', async () => {
    const file = await upload(t.alice, { name: 'private.txt', bytes: 'secret', type: 'text/plain' });
    expectProblem(await t.eve.call(routes.files.get, byId(file.id)), 404);
    expectProblem(await t.eve.call(routes.files.content, byId(file.id)), 404);
    expectProblem(await update(t.eve, file.id, { name: 'Hijacked' }), 404);
    expectProblem(await t.eve.call(routes.files.remove, byId(file.id)), 404);
    expect((await t.eve.call(routes.files.list)).body.items.find((f) => f.id === file.id)).toBeUndefined();
    expect((await download(t.alice, file.id)).bytes.toString()).toBe('secret');
    expect((await t.alice.call(routes.files.get, byId(file.id))).body.name).toBe('private.txt');
  });

  it('lets project members download and manage project files; moving out tells those who lose it', async () => {
    const file = await upload(t.alice, { name: 'plan.txt', bytes: 'the plan', type: 'text/plain' }, { projectId: t.shared.id });
    expect((await download(t.bob, file.id)).bytes.toString()).toBe('the plan');
    expect((await update(t.bob, file.id, { name: 'Plan v2' })).body.name).toBe('Plan v2');
    expectProblem(await t.eve.call(routes.files.content, byId(file.id)), 404);

    const bobSocket = await t.app.socket(t.bob.token);
    const gone = nextEvent(bobSocket, 'file.deleted');
    await update(t.alice, file.id, { projectId: null });
    expect(await gone).toEqual({ id: file.id, projectId: t.shared.id, roomId: null });
    expectProblem(await t.bob.call(routes.files.get, byId(file.id)), 404);
  });

  it('refuses a project the uploader is not a member of', async () => {
    const evesProject = (await t.eve.call(routes.projects.create, { body: { name: 'Mine' } })).body;
    const res = await uploadFile(t.alice, { name: 'a.txt', bytes: 'x', type: 'text/plain' }, { projectId: evesProject.id });
    expect(expectProblem(res, 400).errors?.[0]?.path).toBe('body.projectId');
    expect(filesOf(t.alice).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('sends file events to exactly the project members', async () => {
    const [alice, bob, eve] = await Promise.all([t.alice, t.bob, t.eve].map((u) => t.app.socket(u.token)));
    const eveReceived = recordEvents(eve!);
    const created = [nextEvent(alice!, 'file.created'), nextEvent(bob!, 'file.created')];
    const file = await upload(t.alice, { name: 'team.txt', bytes: 'x', type: 'text/plain' }, { projectId: t.shared.id });
    expect((await Promise.all(created)).map((f) => f.id)).toEqual([file.id, file.id]);

    const updated = nextEvent(bob!, 'file.updated');
    await update(t.alice, file.id, { name: 'Team' });
    expect((await updated).name).toBe('Team');

    const deleted = nextEvent(bob!, 'file.deleted');
    await t.alice.call(routes.files.remove, byId(file.id));
    expect((await deleted).id).toBe(file.id);
    await settle();
    expect(eveReceived).toEqual([]);
  });
});

describe('files in search', () => {
  const hits = async (user: TestUser, q: string) => {
    const res = await user.call(routes.search.search, { query: { kinds: 'file', q } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.items;
  };

  it('finds a file by a word of its name for its owner and project members, never for another user', async () => {
    const mine = await upload(t.alice, { name: 'Budget marmelade.txt', bytes: 'x', type: 'text/plain' });
    const shared = await upload(
      t.alice,
      { name: 'marmelade-recette.txt', bytes: 'y', type: 'text/plain' },
      { projectId: t.shared.id, name: 'Recette' },
    );
    await t.app.server.services.indexer.flush();

    const found = await hits(t.alice, 'marmelade');
    expect(new Set(found.map((h) => h.id))).toEqual(new Set([mine.id, shared.id]));
    // The uploaded name is searchable even after a rename; the title is the display name.
    expect(found.find((h) => h.id === shared.id)).toMatchObject({ title: 'Recette', target: `/files?open=${shared.id}` });
    expect((await hits(t.bob, 'marmelade')).map((h) => h.id)).toEqual([shared.id]);
    expect(await hits(t.eve, 'marmelade')).toEqual([]);

    await t.alice.call(routes.files.remove, byId(shared.id));
    await t.app.server.services.indexer.flush();
    expect(await hits(t.bob, 'marmelade')).toEqual([]);
  });
});

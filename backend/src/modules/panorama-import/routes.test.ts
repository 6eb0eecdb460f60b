import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestUser } from '../../../test/harness.ts';
import { expectProblem, uploadFile, useTestApp } from '../../../test/harness.ts';
import { legacyObjectId } from './ids.ts';
import { writeTestArchive } from './test-archive.ts';

const work = mkdtempSync(path.join(os.tmpdir(), 'panorama-import-api-'));
const ctx = useTestApp({ UPLOADS_DIR: path.join(work, 'uploads') });
const archive = readFileSync(writeTestArchive(path.join(work, 'panorama.ndjson.gz')));
const ROUTE = '/api/admin/imports/panorama';
let admin: TestUser;
let alice: TestUser;
let importId: string;

beforeAll(async () => {
  admin = await ctx.app.newUser(); // the first account of the instance is its admin
  alice = await ctx.app.newUser();
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const upload = (user: TestUser, fields: Record<string, string>) =>
  uploadFile(user, { name: 'panorama-export.ndjson.gz', bytes: archive, type: 'application/gzip' }, fields, ROUTE);

describe('POST /api/admin/imports/panorama', { timeout: 120_000 }, () => {
  it('is for admins only', async () => {
    expect((await ctx.app.client().post(ROUTE, {})).status).toBe(401);
    expectProblem(await upload(alice, { username: alice.username }), 403);
  });

  it('names an unknown target user with a 400', async () => {
    const res = await upload(admin, { username: 'nobody-here' });
    expectProblem(res, 400);
    expect(JSON.stringify(res.body)).toContain('body.username');
  });

  it('answers 202 with a job whose progress and report reach the admin live, and only the admin', async () => {
    const socket = await ctx.app.socket(admin.token);
    const done = new Promise<{ state: string; report: { collections: Record<string, { inserted: number }> } }>((resolve) =>
      socket.on('panoramaImport.updated', (data: { state: string; report: never }) => {
        if (data.state === 'done' || data.state === 'failed') resolve(data);
      }),
    );
    const res = await upload(admin, { username: alice.username, keepSecrets: 'openaiApiKey' });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ username: alice.username, state: 'queued', report: null });
    const finished = await done;
    expect(finished.state, JSON.stringify(finished)).toBe('done');
    expect(finished.report.collections.tasks?.inserted).toBe(4);

    const read = await admin.api.get(`${ROUTE}/${res.body.id}`);
    expect(read.body).toMatchObject({
      state: 'done',
      report: { secrets: expect.arrayContaining([{ name: 'openaiApiKey', action: 'stored' }]) },
    });
    // Alice sees her imported tasks.
    const tasks = await alice.api.get('/api/tasks');
    expect(tasks.body.items.map((t: { title: string }) => t.title)).toEqual(expect.arrayContaining(['Sans statut', 'Fini']));
    expectProblem(await alice.api.get(`${ROUTE}/${res.body.id}`), 403);
    importId = res.body.id;
  });

  it("takes the bytes of a missing file after the import, by its storedFileName, and the file's content is there", async () => {
    const send = (user: TestUser, name: string) =>
      uploadFile(user, { name, bytes: 'contenu absent', type: 'text/plain' }, {}, `${ROUTE}/${importId}/files`);
    const before = (await admin.api.get(`${ROUTE}/${importId}`)).body.report.missingFiles;
    expect(before.map((m: { storedFileName: string }) => m.storedFileName)).toContain('absent__def__absent.txt');
    expectProblem(await send(alice, 'absent__def__absent.txt'), 403);
    const stranger = await send(admin, 'not-in-the-report.txt');
    expectProblem(stranger, 400);
    expect(JSON.stringify(stranger.body)).toContain('not a file this import is missing');

    const res = await send(admin, 'absent__def__absent.txt');
    expect(res.status).toBe(200);
    expect(res.body.report.missingFiles.map((m: { storedFileName: string }) => m.storedFileName)).not.toContain(
      'absent__def__absent.txt',
    );
    const content = await alice.api.get(`/api/files/${String(legacyObjectId('files', 'fFile000000000002'))}/content`);
    expect(content.status).toBe(200);
    expect(content.body).toBe('contenu absent');
    // Sent twice (a retried upload): it is no longer missing, a 400.
    expectProblem(await send(admin, 'absent__def__absent.txt'), 400);
  });
});

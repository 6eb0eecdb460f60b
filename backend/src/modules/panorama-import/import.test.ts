import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { routes } from '@panoramix/contracts';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestUser } from '../../../test/harness.ts';
import { useTestApp } from '../../../test/harness.ts';
import { legacyObjectId } from './ids.ts';
import { importPanorama } from './import.ts';
import type { ImportOptions } from './import.ts';
import { openSecret } from './secrets.ts';
import { OWNER, STRANGER, awkwardDocuments, bigNote, writeTestArchive } from './test-archive.ts';
import { verifyImport } from './verify.ts';

const work = mkdtempSync(path.join(os.tmpdir(), 'panorama-import-test-'));
const uploadsDir = path.join(work, 'uploads');
const filesDir = path.join(work, 'panorama-files');
const ctx = useTestApp({ UPLOADS_DIR: uploadsDir });
const archive = writeTestArchive(path.join(work, 'panorama.ndjson.gz'));
let alice: TestUser;
const SECRET = 'test-instance-secret-of-32-characters!!';

beforeAll(async () => {
  alice = await ctx.app.newUser();
  mkdirSync(filesDir, { recursive: true });
  writeFileSync(path.join(filesDir, 'plan__abc__plan.pdf'), 'bytes');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const options = (overrides: Partial<ImportOptions> = {}): ImportOptions => ({
  archive,
  userId: new mongoose.Types.ObjectId(alice.id),
  username: alice.username,
  timeZone: 'Europe/Paris',
  instanceSecret: SECRET,
  keepSecrets: new Set(['openaiApiKey']),
  filesDir,
  uploadsDir,
  ...overrides,
});
const db = () => mongoose.connection.db!;
const aliceId = () => new mongoose.Types.ObjectId(alice.id);
const find = (collection: string, family: string, legacyId: string) =>
  db()
    .collection(collection)
    .findOne({ _id: legacyObjectId(family, legacyId) });

describe('Panorama archive import', { timeout: 120_000 }, () => {
  it('imports every collection for the target user, with the legacy shapes fixed and reported', async () => {
    const report = await importPanorama(options());
    const docs = awkwardDocuments();
    for (const [name, list] of Object.entries(docs)) expect(report.collections[name]?.read, name).toBe(list.length);
    expect(report.collections.tasks, JSON.stringify(report.collections.tasks?.issues)).toMatchObject({
      target: 'tasks',
      inserted: 4,
      skipped: 0,
    });

    const legacy = await find('tasks', 'tasks', 'tLegacy0000000001');
    expect(legacy).toMatchObject({
      status: 'todo',
      open: true,
      userId: new mongoose.Types.ObjectId(alice.id),
      legacyId: 'tLegacy0000000001',
    });
    expect(legacy?.projectId).toEqual(legacyObjectId('projects', 'pShared0000000001'));
    // Keyed by the CLI's English text, with the code and parameters the panel translates.
    expect(report.collections.tasks?.issues['no status (set to todo)']).toEqual({
      code: 'noStatus',
      params: {},
      count: 1,
      samples: ['tLegacy0000000001'],
    });
    expect(report.collections.tasks?.issues['unknown status "waiting" (set to todo, kept under extra.status)']).toMatchObject({
      code: 'unknownStatus',
      params: { value: '"waiting"' },
    });
    expect(await find('tasks', 'tasks', 'tOdd0000000000002')).toMatchObject({ status: 'todo', extra: { status: 'waiting' } });
    // A known status is no unknown field; an absent panoramaStatus adds nothing under extra.
    expect((await find('tasks', 'tasks', 'tDone000000000004'))?.extra).toEqual({
      source: { createdAt: new Date('2025-06-04T09:00:00.000Z'), windowHours: 3 },
    });
    expect(report.collections.tasks?.unknownFields).toEqual({});
    expect(await find('projects', 'projects', 'pSolo000000000002')).not.toHaveProperty('extra');
    expect(await find('tasks', 'tasks', 'tDangling00000003')).toMatchObject({ projectId: null });
    expect(report.collections.tasks?.issues['dangling projectId (cleared)']).toMatchObject({
      code: 'dangling',
      params: { field: 'projectId' },
      samples: ['tDangling00000003'],
    });
    const done = await find('tasks', 'tasks', 'tDone000000000004');
    expect(done?.statusChangedAt).toEqual(new Date('2025-06-05T09:00:00.000Z'));
    expect(done).toMatchObject({
      source: { kind: 'journal', ids: [legacyObjectId('userLogs', 'lLog0000000000001')] },
      extra: { source: { windowHours: 3 } },
    });
    expect(await find('journal_entries', 'userLogs', 'lLog0000000000001')).toMatchObject({ content: 'journal 😀' });

    expect((await find('notes', 'notes', 'nBig0000000000001'))?.content).toBe(bigNote);
    const html = await find('notes', 'notes', 'nNull000000000002');
    // null stays null, absent stays absent; unknown fields kept under extra.
    expect(html).toMatchObject({ title: '<i>HTML</i>', projectId: null, extra: { lockedBy: null, claudeProjectId: 'cX' } });
    expect(html?.extra).not.toHaveProperty('lockedAt');
    expect(report.collections.notes?.unknownFields).toEqual({ lockedBy: 1, claudeProjectId: 1 });

    const shared = await find('projects', 'projects', 'pShared0000000001');
    expect(shared).toMatchObject({
      memberIds: [new mongoose.Types.ObjectId(alice.id)],
      pendingMemberIds: [STRANGER],
      healthFlag: 'green',
      extra: { riskLevel: 'high' },
    });
    expect(report.pendingMembers).toEqual([{ legacyUserId: STRANGER, projects: 1 }]);

    expect(await find('files', 'files', 'fFile000000000001')).toMatchObject({ projectId: null });
    expect(report.missingFiles).toEqual([{ legacyId: 'fFile000000000002', storedFileName: 'absent__def__absent.txt' }]);
    expect(readFileSync(path.join(uploadsDir, alice.id, 'plan__abc__plan.pdf'), 'utf8')).toBe('bytes');

    const elodie = await find('people', 'people', 'hPers000000000001');
    expect(elodie).toMatchObject({
      githubUsernames: ['elodie'],
      email: 'e@x.test',
      teamId: legacyObjectId('teams', 'gTeam000000000001'),
    });
    expect(await find('people', 'people', 'hPers000000000002')).toMatchObject({
      managerId: legacyObjectId('people', 'hPers000000000001'),
    });
    expect(report.collections.people?.issues['same normalizedName as another person (not merged)']?.samples).toEqual([
      'hPers000000000002',
    ]);
    expect(await find('people', 'people', 'hPers000000000003')).toMatchObject({ managerId: null, teamId: null });

    // Situations and their parts, every reference rewritten; questions and summary keyed by their actor and situation.
    const situationId = legacyObjectId('situations', 'xSit0000000000001');
    const actorId = legacyObjectId('situationActors', 'xAct0000000000001');
    const personId = legacyObjectId('people', 'hPers000000000001');
    expect(await find('situations', 'situations', 'xSit0000000000001')).toMatchObject({ title: 'Conflit', userId: aliceId() });
    expect(await find('situation_actors', 'situationActors', 'xAct0000000000001')).toMatchObject({
      situationId,
      personId,
      personKey: String(personId),
    });
    const twin = await find('situation_actors', 'situationActors', 'xAct0000000000002');
    expect(twin).toMatchObject({ personId: null, personKey: String(twin?._id), extra: { personId: 'hPers000000000001' } });
    expect(await find('situation_notes', 'situationNotes', 'xNote000000000001')).toMatchObject({ situationId, actorId });
    const questions = await db().collection('situation_questions').findOne({ _id: actorId });
    expect(questions).toMatchObject({ legacyId: 'xQ00000000000001', situationId, questions: [{ q: 'Q?', r: 'R' }] });
    const summary = await db().collection('situation_summaries').findOne({ _id: situationId });
    expect(summary).toMatchObject({ legacyId: 'xSum000000000001', text: 'plan' });
    // Our API shows them: the situation with its actors, notes, questions and summary.
    const shown = await alice.api.get(`/api/situations/${String(situationId)}`);
    expect(shown.status).toBe(200);
    // Both actors were created at the same time: their order is the ids'.
    expect(shown.body.actors.map((a: { name: string }) => a.name).sort()).toEqual(['Elo', 'Élodie']);
    expect(shown.body).toMatchObject({
      notes: [{ content: 'n', actorId: String(actorId) }],
      questions: [{ actorId: String(actorId) }],
      summary: { text: 'plan' },
    });

    // Lists read what each module derives from its documents (people lookups, journal days): built for the import too.
    const people = await alice.api.get('/api/people?q=elodie');
    expect(people.body.items.map((p: { name: string }) => p.name)).toContain('Élodie');
    const journal = await alice.api.get('/api/journal');
    expect(journal.body.items.map((e: { content: string }) => e.content)).toContain('journal 😀');

    expect(await find('budget_lines', 'budgetLines', 'bLine000000000001')).toMatchObject({
      date: '2025-05-31',
      month: '2025-05',
      extra: { importBatch: 'batch_1717142400000' },
    });

    // The orphan line, the collections without a module and Panorama's settings wait whole in panorama_pending.
    const orphan = await db()
      .collection('panorama_pending')
      .findOne({ userId: aliceId(), collection: 'noteLines', legacyId: 'lLine000000000002' });
    expect(orphan).toMatchObject({ reason: 'session not in the archive', doc: { content: 'orpheline' } });
    expect(report.collections.noteLines?.issues['held: session not in the archive']).toMatchObject({
      code: 'sessionNotInArchive',
      samples: ['lLine000000000002'],
    });
    expect(await db().collection('panorama_pending').findOne({ userId: aliceId(), legacyId: 'xNote000000000002' })).toMatchObject(
      { collection: 'situationNotes', reason: 'situation not in the archive' },
    );
    const prefs = await db().collection('panorama_pending').findOne({ userId: aliceId(), collection: 'appPreferences' });
    expect(JSON.stringify(prefs)).not.toMatch(/sk-test-openai|pl-token|xoxb-1/);
    expect(prefs?.doc).toMatchObject({ filesDir: '/home/x/PanoramaFiles', slack: { enabled: true, allowedUserId: 'U1' } });

    expect(report.secrets).toEqual([
      { name: 'openaiApiKey', action: 'stored' },
      { name: 'pennylaneToken', action: 'dropped' },
      { name: 'slack.botToken', action: 'dropped' },
    ]);
    const stored = await db()
      .collection('user_secrets')
      .find({ userId: new mongoose.Types.ObjectId(alice.id) })
      .toArray();
    expect(stored.map((s) => [s.name, openSecret(SECRET, s as never)])).toEqual([['openaiApiKey', 'sk-test-openai']]);
    // A file's bytes are missing: not clean, the CLI exits non-zero.
    expect(report.clean).toBe(false);
  });

  it('changes nothing on a second run, and says so', async () => {
    const report = await importPanorama(options());
    for (const [name, c] of Object.entries(report.collections)) {
      expect({ name, inserted: c.inserted, updated: c.updated, unchanged: c.unchanged }).toEqual({
        name,
        inserted: 0,
        updated: 0,
        unchanged: c.read,
      });
    }
  });

  it('a task added after the import goes on top of the inbox, above the imported ones', async () => {
    const carol = await ctx.app.newUser();
    const now = new Date().toISOString();
    await carol.call(routes.tasks.create, { body: { title: 'Before the import' } }); // starts the inbox's bound
    // First of Panorama's list: its order key is below every key the inbox had.
    const first = { _id: 'tFirst00000000005', userId: OWNER, title: 'Importée', status: 'todo', priorityRank: -1e6 };
    const archive = writeTestArchive(path.join(work, 'inbox.ndjson.gz'), {
      tasks: [{ ...first, createdAt: now, updatedAt: now }],
    });
    await importPanorama(options({ archive, userId: new mongoose.Types.ObjectId(carol.id), username: carol.username }));
    await carol.call(routes.tasks.create, { body: { title: 'After the import' } });
    const inbox = await carol.call(routes.tasks.list, { query: { projectId: 'none' } });
    expect(inbox.body.items.map((task) => task.title)).toEqual(['After the import', 'Importée', 'Before the import']);
  });

  it('resolves a pending member on a run with --map-user', async () => {
    const bob = await ctx.app.newUser();
    const report = await importPanorama(options({ mapUsers: new Map([[STRANGER, new mongoose.Types.ObjectId(bob.id)]]) }));
    expect(report.pendingMembers).toEqual([]);
    expect(report.collections.projects).toMatchObject({ updated: 1, unchanged: 1 });
    const shared = await find('projects', 'projects', 'pShared0000000001');
    expect(shared?.memberIds.map(String)).toEqual([alice.id, bob.id]);
    expect(shared).not.toHaveProperty('pendingMemberIds');
    // Bob reaches the shared project through the API.
    const res = await bob.api.get(`/api/projects/${String(shared?._id)}`);
    expect(res.status).toBe(200);
    await importPanorama(options()); // back to pending for the tests below
  });

  it('verifies clean after the import, and names the field of an altered document', async () => {
    const verify = () => verifyImport({ archive, userId: new mongoose.Types.ObjectId(alice.id), timeZone: 'Europe/Paris' });
    const clean = await verify();
    expect(clean.differences).toEqual([]);
    expect(clean).toMatchObject({ clean: true, differenceCount: 0 });
    expect(clean.collections.tasks).toEqual({ inArchive: 4, found: 4, different: 0 });

    await db()
      .collection('notes')
      .updateOne({ _id: legacyObjectId('notes', 'nBig0000000000001') }, { $set: { title: 'changed' } });
    const altered = await verify();
    expect(altered.clean).toBe(false);
    expect(altered.differences).toEqual([
      { collection: 'notes', legacyId: 'nBig0000000000001', field: 'title', expected: 'Note de 100 Ko', actual: 'changed' },
    ]);
    await db()
      .collection('links')
      .deleteOne({ _id: legacyObjectId('links', 'kLink000000000001') });
    const missing = await verify();
    expect(missing.differences.map((d) => [d.collection, d.field])).toContainEqual(['links', '(missing)']);
    expect(missing.targets.links).toEqual({ expected: 1, inDatabase: 0 });

    await importPanorama(options());
    expect((await verify()).clean).toBe(true);
  });
});

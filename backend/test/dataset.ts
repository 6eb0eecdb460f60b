import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Types } from 'mongoose';
import { importPanorama } from '../src/modules/panorama-import/import.ts';
import { OWNER, writeTestArchive } from '../src/modules/panorama-import/test-archive.ts';
import { tinyPng, uploadFile } from './harness.ts';
import type { TestApp, TestUser } from './harness.ts';

/**
 * A data set touching every module that has data, written through the API as a user would.
 * A new module adds its documents here, so the export and backup round-trip tests cover it.
 * Uploaded files land in the app's UPLOADS_DIR (`<userId>/…`), which the archive carries.
 */
export async function seedEveryModule(app: TestApp) {
  const users: TestUser[] = [await app.newUser(), await app.newUser()];
  for (const [i, user] of users.entries()) {
    const link = await user.api.post('/api/links', { name: `Docs ${i}`, url: `example.test/${i}` });
    await user.api.post('/api/links', { name: `Wiki ${i}`, url: `https://wiki.example.test/${i}` });
    await user.api.post(`/api/links/${link.body.id}/click`);
    await user.api.patch('/api/preferences', { theme: 'dark', language: 'en', timeZone: 'Europe/Paris' });
    const project = await user.api.post('/api/projects', { name: `Website ${i}`, targetDate: '2026-09-30T00:00:00.000Z' });
    const projectId = project.body.id as string;
    await user.api.post('/api/tasks', { title: `Draft sitemap ${i}`, projectId, deadline: '2026-06-10T00:00:00.000Z' });
    await user.api.post('/api/tasks', { title: `Standalone ${i}` });
    await user.api.post('/api/notes', { title: `Kick-off ${i}`, content: '# Notes\n\n- one', projectId });
    const session = await user.api.post('/api/note-sessions', { projectId, name: `Weekly ${i}` });
    await user.api.post('/api/note-lines', { sessionId: session.body.id, content: 'First point' });
    await user.api.post('/api/note-lines', { sessionId: session.body.id, content: 'Second point' });
    const failed = [project, session].find((res) => res.status !== 201);
    if (failed) throw new Error(`seeding failed: ${failed.status} ${JSON.stringify(failed.body)}`);
    const scan = await uploadFile(
      user,
      { name: `scan-${i}.txt`, bytes: 'x'.repeat(64 * 1024), type: 'text/plain' },
      { projectId },
    );
    if (scan.status !== 201) throw new Error(`seeding files failed: ${scan.status} ${JSON.stringify(scan.body)}`);
    const team = await user.api.post('/api/teams', { name: `Platform ${i}` });
    const boss = await user.api.post('/api/people', { name: `Élodie ${i}`, lastName: 'Dupont', teamId: team.body.id });
    await user.api.post('/api/people', { name: `Jean ${i}`, email: `jean${i}@acme.test`, managerId: boss.body.id });
    const weekly = { type: 'weekly', daysOfWeek: [1, 3] }; // far ahead: nothing rings during the tests
    const alarm = await user.api.post('/api/alarms', {
      title: `Stand-up ${i}`,
      nextTriggerAt: '2030-01-07T08:30:00.000Z',
      recurrence: weekly,
      timeZone: 'Europe/Paris',
    });
    await user.api.post(`/api/alarms/${alarm.body.id}/snooze`, { minutes: 15 });
    await seedBudget(user, projectId);
    await seedCalendarJournalSituations(user, i);
  }
  await seedChat(users);
  await seedPanoramaImport(users[0]!);
  return users;
}

const budgetFixture = path.resolve(import.meta.dirname, '../src/modules/budget/fixtures/bnp-export-semicolon-cp1252.csv');

/** A bank file imported to the end (its mapping remembered), a line by hand, one in the trash, an ignored vendor, a kept pair and a merge. */
async function seedBudget(user: TestUser, projectId: string) {
  const file = { name: 'releve.csv', bytes: readFileSync(budgetFixture) };
  const upload = await uploadFile(user, file, {}, '/api/budget/imports');
  const apply = await user.api.post(`/api/budget/imports/${upload.body.id}/apply`, {});
  const line = { date: '2026-03-02', vendor: 'Imprimerie Durand', amountCents: -12_345, projectId };
  const typed = await user.api.post('/api/budget/lines', line);
  const binned = await user.api.post('/api/budget/lines', { ...line, vendor: 'Erreur de saisie' });
  await user.api.delete(`/api/budget/lines/${binned.body.id}`);
  const ignored = await user.api.post('/api/budget/ignores', { vendorName: 'Frais bancaires' });
  // Vérifier: the typed line's twin kept apart from it, and a pair merged (undoable).
  const twin = await user.api.post('/api/budget/lines', line);
  const kept = await user.api.post('/api/budget/review/keep', { lineId: typed.body.id, otherId: twin.body.id });
  const pair = { ...line, vendor: 'Papeterie Lenoir', date: '2026-03-09' };
  const [keep, other] = [
    await user.api.post('/api/budget/lines', pair),
    await user.api.post('/api/budget/lines', { ...pair, notes: 'bon 12' }),
  ];
  const merged = await user.api.post('/api/budget/review/merge', { keepId: keep.body.id, removeId: other.body.id });
  const failed = [upload, apply, typed, binned, ignored, twin, kept, keep, other, merged].find(
    (res) => res.status >= 300 && res.status !== 202,
  );
  if (failed) throw new Error(`seeding budget failed: ${failed.status} ${JSON.stringify(failed.body)}`);
  // The import is a job: the data set is complete once it is done (an export taken earlier would differ from a later one).
  for (const deadline = Date.now() + 30_000; ; await new Promise((resolve) => setTimeout(resolve, 100))) {
    const { status } = (await user.api.get(`/api/budget/imports/${upload.body.id}`)).body;
    if (status === 'done') return;
    if (status === 'failed' || Date.now() > deadline) throw new Error(`seeding budget: the import is ${status}`);
  }
}

/** Events (one in the trash), a subscription whose first fetch has failed, the private feed, a journal line, a situation with all its parts. */
async function seedCalendarJournalSituations(user: TestUser, i: number) {
  const event = { title: `Revue ${i}`, start: '2026-04-01T09:00:00.000Z', end: '2026-04-01T10:00:00.000Z' };
  const kept = await user.api.post('/api/calendar/events', event);
  const binned = await user.api.post('/api/calendar/events', { ...event, title: `Annulé ${i}` });
  await user.api.delete(`/api/calendar/events/${binned.body.id}`);
  // Nothing listens on port 9: the fetch fails, and its failure is stored (seeding waits for it below).
  const subscription = await user.api.post('/api/calendar/subscriptions', {
    url: `http://127.0.0.1:9/agenda-${i}.ics`,
    name: `Agenda ${i}`,
    intervalMinutes: 1440,
  });
  const feed = await user.api.post('/api/calendar/feed', {});
  const line = await user.api.post('/api/journal', { content: `Appel avec le fournisseur ${i}` });
  const situation = await user.api.post('/api/situations', {
    title: `Réorganisation ${i}`,
    description: 'Deux équipes fusionnent',
  });
  const sid = situation.body.id as string;
  const actor = await user.api.post(`/api/situations/${sid}/actors`, { name: `Marc ${i}`, situationRole: 'sponsor' });
  const note = await user.api.post(`/api/situations/${sid}/notes`, { actorId: actor.body.id, content: 'Inquiet du calendrier' });
  const questions = await user.api.request('PUT', `/api/situations/${sid}/actors/${actor.body.id}/questions`, {
    questions: [{ q: 'Qu’attendez-vous ?', r: 'De la clarté' }],
  });
  const summary = await user.api.request('PUT', `/api/situations/${sid}/summary`, { text: 'Plan : rencontrer chaque équipe.' });
  const all = [kept, binned, subscription, feed, line, situation, actor, note, questions, summary];
  const failed = all.find((res) => res.status >= 300 && res.status !== 202);
  if (failed) throw new Error(`seeding calendar, journal, situations failed: ${failed.status} ${JSON.stringify(failed.body)}`);
  for (const deadline = Date.now() + 30_000; ; await new Promise((resolve) => setTimeout(resolve, 100))) {
    const { items } = (await user.api.get('/api/calendar/subscriptions')).body;
    if (items?.[0]?.lastError) return;
    if (Date.now() > deadline) throw new Error('seeding calendar: the subscription was never fetched');
  }
}

/** A Panorama archive imported for the user: a secret kept (encrypted) and a collection with no module here (held whole). */
async function seedPanoramaImport(user: TestUser) {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'pnx-seed-'));
  const archive = path.join(folder, 'panorama.ndjson.gz');
  writeTestArchive(archive, {
    appPreferences: [{ _id: 'aPrefs00000000001', openaiApiKey: 'sk-seed' }],
    chats: [{ _id: 'cChat000000000001', userId: OWNER, title: 'Ancienne discussion', createdAt: '2025-01-01T00:00:00.000Z' }],
  });
  await importPanorama({
    archive,
    userId: new Types.ObjectId(user.id),
    username: user.username,
    timeZone: 'Europe/Paris',
    instanceSecret: 'dataset-instance-secret-of-32-characters',
    keepSecrets: 'all',
    uploadsDir: folder,
  });
  rmSync(folder, { recursive: true, force: true });
}

/** A direct room between the two users, with a photo, a reply, a reaction, a read position, a mute and a contact. */
async function seedChat([alice, bob]: TestUser[]) {
  if (!alice || !bob) return;
  const room = await alice.api.post('/api/rooms', { type: 'direct', memberIds: [bob.id] });
  const photo = await uploadFile(alice, { name: 'pixel.png', bytes: tinyPng, type: 'image/png' });
  const withPhoto = await alice.api.post(`/api/rooms/${room.body.id}/messages`, {
    clientId: 'seed-message-0',
    fileIds: [photo.body.id],
  });
  const hello = await alice.api.post(`/api/rooms/${room.body.id}/messages`, {
    clientId: 'seed-message-1',
    text: 'Hello **Bob**',
  });
  const reply = await bob.api.post(`/api/rooms/${room.body.id}/messages`, {
    clientId: 'seed-message-2',
    text: 'Hi!',
    replyTo: hello.body.id,
  });
  await bob.api.post(`/api/messages/${hello.body.id}/reactions`, { emoji: '👍' });
  await alice.api.post(`/api/rooms/${room.body.id}/read`, { messageId: reply.body.id });
  await bob.api.patch(`/api/rooms/${room.body.id}/me`, { muted: true });
  await alice.api.post('/api/contacts', { userId: bob.id });
  const failed = [room, photo, withPhoto, hello, reply].find((res) => res.status !== 201);
  if (failed) throw new Error(`seeding chat failed: ${failed.status} ${JSON.stringify(failed.body)}`);
}

/**
 * The archive's lines, decompressed and parsed: two exports of the same data compare equal line
 * for line. Parsed, because a document's key order reflects how it was last written, not its content.
 */
export const archiveFrames = (file: string): any[] =>
  gunzipSync(readFileSync(file))
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));

/** Every file under `dir` with a hash of its content (names and bytes, not times). */
export async function treeDigest(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, full)] = createHash('sha256')
      .update(await readFile(full))
      .digest('hex');
  }
  return out;
}

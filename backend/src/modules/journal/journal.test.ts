import { routes } from '@panoramix/contracts';
import type { JournalEntry } from '@panoramix/contracts';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeModelServer } from '../../../test/fake-model-server.ts';
import { byId, createTeam, expectProblem, nextEvent, recordEvents, settle, startTestApp } from '../../../test/harness.ts';
import type { TestApp, TestUser } from '../../../test/harness.ts';
import { TaskModel } from '../tasks/model.ts';
import { journalExport } from './export.ts';
import { JournalEntryModel } from './model.ts';

let fake: Awaited<ReturnType<typeof startFakeModelServer>>;
let app: TestApp;
let t: Awaited<ReturnType<typeof createTeam>>;
beforeAll(async () => {
  fake = await startFakeModelServer();
  fake.state.delayMs = 0;
  app = await startTestApp({
    AI_CHAT_PROVIDER: 'openai',
    OPENAI_BASE_URL: `${fake.url}/v1`,
    OPENAI_API_KEY: 'sk-test',
    AI_TIMEOUT_MS: '5000',
  });
  t = await createTeam(app);
});
afterAll(async () => {
  await app.close();
  await fake.close();
});

const write = async (user: TestUser, content: string, createdAt?: string): Promise<JournalEntry> => {
  const res = await user.call(routes.journal.create, { body: { content, ...(createdAt ? { createdAt } : {}) } });
  expect(res.status).toBe(201);
  return res.body;
};

/** What the model received last: its system and user messages. */
const lastPrompt = () =>
  fake.state.requests
    .at(-1)!
    .body.messages.map((m: { content: string }) => m.content)
    .join('\n');

describe('journal entries', () => {
  it('requires authentication', async () => {
    expectProblem(await app.client().call(routes.journal.list), 401);
    expectProblem(await app.client().call(routes.journal.create, { body: { content: 'x' } }), 401);
    expectProblem(await app.client().call(routes.journal.clear), 401);
  });

  it('stores one line, whitespace collapsed, and refuses a blank or too long one naming the field', async () => {
    const entry = await write(t.alice, '  Appel   avec\n\tLéa  ');
    expect(entry.content).toBe('Appel avec Léa');
    const blank = expectProblem(await t.alice.call(routes.journal.create, { body: { content: ' \n\t ' } }), 400);
    expect(blank.errors?.[0]).toMatchObject({ path: 'body.content', message: 'must not be empty' });
    const long = expectProblem(await t.alice.call(routes.journal.create, { body: { content: 'a'.repeat(1001) } }), 400);
    expect(long.errors?.[0]).toMatchObject({ path: 'body.content', message: 'must be at most 1000 characters' });
  });

  it('pages newest first by when the line was written; edits and deletes; an undone delete returns at its time', async () => {
    const user = await app.newUser();
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 2, 9, minute)).toISOString();
    const entries = [];
    for (let i = 0; i < 5; i++) entries.push(await write(user, `ligne ${i}`, at(i)));
    const first = await user.call(routes.journal.list, { query: { limit: 2 } });
    expect(first.body.items.map((e) => e.content)).toEqual(['ligne 4', 'ligne 3']);
    const rest = await user.call(routes.journal.list, { query: { limit: 10, cursor: first.body.nextCursor! } });
    expect(rest.body).toMatchObject({
      items: [{ content: 'ligne 2' }, { content: 'ligne 1' }, { content: 'ligne 0' }],
      nextCursor: null,
    });

    const edited = await user.call(routes.journal.update, { ...byId(entries[2]!.id), body: { content: ' ligne   deux ' } });
    expect(edited.body).toMatchObject({ content: 'ligne deux', createdAt: at(2) });
    expect((await user.call(routes.journal.remove, byId(entries[2]!.id))).status).toBe(204);
    expectProblem(await user.call(routes.journal.remove, byId(entries[2]!.id)), 404);
    await write(user, 'ligne deux', at(2)); // Annuler
    const all = await user.call(routes.journal.list);
    expect(all.body.items.map((e) => e.content)).toEqual(['ligne 4', 'ligne 3', 'ligne deux', 'ligne 1', 'ligne 0']);
  });

  it('pages across days, with lines at the same instant and pages ending on a day boundary', async () => {
    const user = await app.newUser();
    const day = (date: number, hour: number) => new Date(Date.UTC(2026, 9, date, hour)).toISOString();
    const times = [day(1, 8), day(1, 23), day(3, 0), day(3, 0), day(3, 12), day(30, 9)];
    const written = [];
    for (const [i, at] of times.entries()) written.push(await write(user, `ligne ${i}`, at));
    const order = [...written].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await user.call(routes.journal.list, { query: { limit: 2, ...(cursor ? { cursor } : {}) } });
      seen.push(...page.body.items.map((e) => e.id));
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(order.map((e) => e.id));
  });

  it('lists lines written past the service (an archive import) once the import upgrade has run', async () => {
    const user = await app.newUser();
    const mine = await write(user, 'écrite ici', '2026-10-05T10:00:00.000Z');
    const at = new Date('2026-10-04T10:00:00.000Z');
    const imported = await JournalEntryModel.collection.insertOne({
      userId: new Types.ObjectId(user.id),
      content: 'importée',
      createdAt: at,
      updatedAt: at,
    });
    const listed = async () => (await user.call(routes.journal.list)).body.items.map((e) => e.id);
    await journalExport.upgrade!('start'); // the days' format is current: a start leaves them as they are
    expect(await listed()).toEqual([mine.id]);
    await journalExport.upgrade!('import');
    expect(await listed()).toEqual([mine.id, String(imported.insertedId)]);
  });

  it("answers 404 for another user's entry, leaves it untouched and lists only one's own", async () => {
    const entry = await write(t.alice, 'Privé');
    expectProblem(await t.bob.call(routes.journal.update, { ...byId(entry.id), body: { content: 'Volé' } }), 404);
    expectProblem(await t.bob.call(routes.journal.remove, byId(entry.id)), 404);
    expect((await t.bob.call(routes.journal.list)).body.items.map((e) => e.id)).not.toContain(entry.id);
    expect((await JournalEntryModel.findById(entry.id).setOptions({ tenancy: 'system' }).lean())?.content).toBe('Privé');
  });

  it('sends journal events to the owner only', async () => {
    const aliceSocket = await app.socket(t.alice.token);
    const bobReceived = recordEvents(await app.socket(t.bob.token));
    const created = nextEvent(aliceSocket, 'journalEntry.created');
    const entry = await write(t.alice, 'En direct');
    expect(await created).toMatchObject({ id: entry.id, content: 'En direct' });
    const updated = nextEvent(aliceSocket, 'journalEntry.updated');
    await t.alice.call(routes.journal.update, { ...byId(entry.id), body: { content: 'En direct 2' } });
    expect((await updated).content).toBe('En direct 2');
    const deleted = nextEvent(aliceSocket, 'journalEntry.deleted');
    await t.alice.call(routes.journal.remove, byId(entry.id));
    expect(await deleted).toEqual({ id: entry.id });
    await settle();
    expect(bobReceived).toEqual([]);
  });

  it('Tout effacer deletes every entry of mine and their search vectors, and no one else’s', async () => {
    const [me, other] = [await app.newUser(), await app.newUser()];
    await write(me, 'zanzibar un');
    await write(me, 'zanzibar deux');
    const kept = await write(other, 'zanzibar à garder');
    const found = async (user: TestUser) => {
      await app.server.services.indexer.flush();
      const res = await user.call(routes.search.search, { query: { q: 'zanzibar', kinds: 'journal' } });
      return res.body.items.map((hit) => hit.title);
    };
    expect((await found(me)).sort()).toEqual(['zanzibar deux', 'zanzibar un']);
    expect(await found(other)).toEqual(['zanzibar à garder']); // another user's entries are not found

    const socket = await app.socket(me.token);
    const cleared = nextEvent(socket, 'journal.cleared');
    expect((await me.call(routes.journal.clear)).body).toEqual({ deleted: 2 });
    expect(await cleared).toEqual({ deleted: 2 });
    expect((await me.call(routes.journal.list)).body.items).toEqual([]);
    expect(await found(me)).toEqual([]);
    expect((await other.call(routes.journal.list)).body.items.map((e) => e.id)).toEqual([kept.id]);
    expect(await found(other)).toEqual(['zanzibar à garder']);
  });
});

describe('journal summary and suggestions', () => {
  const answer = (value: unknown) => JSON.stringify(value);

  it('summarises the window with HH:mm times in my zone and keeps only suggestions citing its entries', async () => {
    const user = await app.newUser();
    const project = (await user.call(routes.projects.create, { body: { name: 'Site web' } })).body;
    const now = Date.now();
    const recent = await write(user, 'Appel avec Léa sur le devis', new Date(now - 30 * 60_000).toISOString());
    const old = await write(user, 'Hier soir', new Date(now - 5 * 3_600_000).toISOString());
    fake.state.answers.push(
      '```json\n' +
        answer({
          summary: '## Devis\n- 10:00 appel avec Léa',
          tasks: [
            { title: 'Envoyer le devis', notes: 'à Léa', projectId: project.id, sourceLogIds: [recent.id] },
            { title: 'Hors fenêtre', sourceLogIds: [old.id] },
            { title: 'Projet inconnu', projectId: t.shared.id, sourceLogIds: [recent.id, 'ffffffffffffffffffffffff'] },
          ],
        }) +
        '\n```',
    );
    const res = await user.call(routes.journal.summarize, { body: { hours: 2, timeZone: 'Europe/Paris' } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      summary: '## Devis\n- 10:00 appel avec Léa',
      entryCount: 1,
      suggestions: [
        { title: 'Envoyer le devis', notes: 'à Léa', projectId: project.id, entryIds: [recent.id] },
        { title: 'Projet inconnu', notes: '', projectId: null, entryIds: [recent.id] },
      ],
    });
    const paris = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' });
    expect(lastPrompt()).toContain(`[${recent.id}] ${paris.format(new Date(recent.createdAt))} Appel avec Léa`);
    expect(lastPrompt()).not.toContain('Hier soir');
    expect(lastPrompt()).toContain(`${project.id}: Site web`);
  });

  it('asks the model again once when its answer is malformed, then refuses with a clear error', async () => {
    const user = await app.newUser();
    await write(user, 'Réunion budget');
    const before = fake.state.requests.length;
    fake.state.answers.push('pas du JSON', answer({ summary: 'ok', tasks: [] }));
    const retried = await user.call(routes.journal.summarize, { body: { hours: 1 } });
    expect(retried.body).toMatchObject({ summary: 'ok', suggestions: [], entryCount: 1 });
    expect(fake.state.requests.length - before).toBe(2);

    fake.state.answers.push('{"summary": 3}', '{ toujours pas');
    const refused = expectProblem(await user.call(routes.journal.summarize, { body: { hours: 1 } }), 502);
    expect(refused.type).toBe('urn:panoramix:problem:ai-bad-answer');
    expect(fake.state.requests.length - before).toBe(4);
  });

  it('refuses a window out of bounds, and does not call the model for an empty one', async () => {
    const user = await app.newUser();
    const zero = expectProblem(await user.call(routes.journal.summarize, { body: { hours: 0 } }), 400);
    expect(zero.errors?.[0]?.path).toBe('body.hours');
    const zone = expectProblem(await user.call(routes.journal.summarize, { body: { hours: 3, timeZone: 'Mars/Olympus' } }), 400);
    expect(zone.errors?.[0]?.path).toBe('body.timeZone');
    const before = fake.state.requests.length;
    expect((await user.call(routes.journal.summarize, { body: { hours: 3 } })).body).toEqual({
      summary: '',
      suggestions: [],
      entryCount: 0,
    });
    expect(fake.state.requests.length).toBe(before);
  });

  it('creates tasks with their source entries once: a second acceptance, even concurrent, creates no duplicate', async () => {
    const user = await app.newUser();
    const [a, b] = [await write(user, 'Relancer le fournisseur'), await write(user, 'Commander les câbles')];
    const suggestions = [
      { title: 'Relancer le fournisseur', entryIds: [a.id, b.id] },
      { title: 'Commander', notes: 'câbles', entryIds: [b.id] },
    ];
    const first = await user.call(routes.journal.accept, { body: { suggestions } });
    expect(first.status).toBe(201);
    expect(first.body.duplicates).toBe(0);
    expect(first.body.created.map((task) => [task.title, task.source])).toEqual([
      ['Relancer le fournisseur', { kind: 'journal', ids: [a.id, b.id].sort() }],
      ['Commander', { kind: 'journal', ids: [b.id] }],
    ]);

    const reordered = [{ title: 'Relancer encore', entryIds: [b.id, a.id] }];
    const [again, concurrent] = await Promise.all([
      user.call(routes.journal.accept, { body: { suggestions: reordered } }),
      user.call(routes.journal.accept, { body: { suggestions } }),
    ]);
    expect(again.body).toEqual({ created: [], duplicates: 1 });
    expect(concurrent.body).toEqual({ created: [], duplicates: 2 });
    expect(await TaskModel.countDocuments({ userId: user.id })).toBe(2);
  });

  it("refuses another user's entries or project and creates nothing", async () => {
    const entry = await write(t.alice, 'À Alice');
    const mine = await write(t.eve, 'À Ève');
    const before = await TaskModel.countDocuments({ userId: t.eve.id });
    const foreign = expectProblem(
      await t.eve.call(routes.journal.accept, {
        body: {
          suggestions: [
            { title: 'ok', entryIds: [mine.id] },
            { title: 'Vol', entryIds: [entry.id] },
          ],
        },
      }),
      400,
    );
    expect(foreign.errors?.[0]).toMatchObject({ path: 'body.suggestions.1.entryIds', message: 'no such journal entry' });
    const project = expectProblem(
      await t.eve.call(routes.journal.accept, {
        body: { suggestions: [{ title: 'Vol', entryIds: [mine.id], projectId: t.shared.id }] },
      }),
      400,
    );
    expect(project.errors?.[0]).toMatchObject({ path: 'body.suggestions.0.projectId', message: 'no such project' });
    expect(await TaskModel.countDocuments({ userId: t.eve.id })).toBe(before);
  });

  it("tasks in a shared project reach its members, and the model's project must be one of mine", async () => {
    const entry = await write(t.bob, 'Préparer la démo');
    const res = await t.bob.call(routes.journal.accept, {
      body: { suggestions: [{ title: 'Démo', entryIds: [entry.id], projectId: t.shared.id }] },
    });
    expect(res.body.created[0]).toMatchObject({ projectId: t.shared.id, source: { kind: 'journal', ids: [entry.id] } });
    expect((await t.alice.call(routes.tasks.get, byId(res.body.created[0]!.id))).status).toBe(200);
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { routes } from '@panoramix/contracts';
import type { RouteBodyInput, RouteQueryInput } from '@panoramix/contracts';
import { describe, expect, it } from 'vitest';
import { byId, expectProblem, nextEvent, recordEvents, settle, useTeam } from '../../../test/harness.ts';
import type { ApiResponse, TestUser } from '../../../test/harness.ts';

const t = useTeam();

type PersonInput = RouteBodyInput<typeof routes.people.create>;
const addPerson = async (user: TestUser, body: PersonInput) => {
  const res = await user.call(routes.people.create, { body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
};
const names = (res: ApiResponse<{ items: { name: string; lastName: string }[] }>) =>
  res.body.items.map((p) => `${p.name} ${p.lastName}`.trim());
const list = (user: TestUser, query: RouteQueryInput<typeof routes.people.list> = {}) => user.call(routes.people.list, { query });

const header = 'First Name [Required],Last Name [Required],Email Address [Required],Status [READ ONLY]';
const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, 'fixtures', name));

async function postCsv(user: TestUser, url: string, bytes: Buffer | string) {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type: 'text/csv' }), 'users.csv');
  const res = await fetch(`${user.baseUrl}${url}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${user.token}` },
    body: form,
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : text } as ApiResponse;
}
const preview = (user: TestUser, bytes: Buffer | string) => postCsv(user, '/api/people/import/preview', bytes);
const apply = (user: TestUser, bytes: Buffer | string) => postCsv(user, '/api/people/import', bytes);

describe('people', () => {
  it('requires authentication', async () => {
    expectProblem(await t.app.client().call(routes.people.list), 401);
    expectProblem(await t.app.client().call(routes.people.create, { body: { name: 'x' } }), 401);
  });

  it('keeps every field, trims, lower-cases the email and drops empty aliases', async () => {
    const user = await t.app.newUser();
    const team = (await user.call(routes.teams.create, { body: { name: 'Data' } })).body;
    const person = await addPerson(user, {
      name: '  Élodie ',
      lastName: 'Dupont-Moretti',
      aliases: ['Lolo', '  '],
      role: 'CTO',
      email: 'Elodie@Acme.TEST',
      notes: 'Likes  tea',
      contactOnly: false,
      teamId: team.id,
      subteam: 'Platform',
      githubUsernames: ['@Elodie-D', 'elodie-d'],
      arrivalDate: '2021-03-01T00:00:00.000Z',
    });
    expect(person).toMatchObject({
      name: 'Élodie',
      normalizedName: 'elodie',
      aliases: ['Lolo'],
      email: 'elodie@acme.test',
      notes: 'Likes  tea',
      left: false,
      teamId: team.id,
      managerId: null,
      githubUsernames: ['elodie-d'],
      arrivalDate: '2021-03-01T00:00:00.000Z',
    });
    const renamed = await user.call(routes.people.update, { ...byId(person.id), body: { name: 'Éloïse', left: true } });
    expect(renamed.body).toMatchObject({ name: 'Éloïse', normalizedName: 'eloise', left: true });
    expect((await user.call(routes.people.get, byId(person.id))).body.normalizedName).toBe('eloise');
  });

  it('refuses an unknown team or manager and a bad email, naming the field, and writes nothing', async () => {
    const user = await t.app.newUser();
    const foreignTeam = (await t.bob.call(routes.teams.create, { body: { name: 'Bob’s' } })).body;
    const noTeam = expectProblem(await user.call(routes.people.create, { body: { name: 'Ana', teamId: foreignTeam.id } }), 400);
    expect(noTeam.errors?.[0]).toEqual({ path: 'body.teamId', message: 'no such team' });
    const ghost = '665f1c2e9b1e8a0012345678';
    const noManager = expectProblem(await user.call(routes.people.create, { body: { name: 'Ana', managerId: ghost } }), 400);
    expect(noManager.errors?.[0]?.path).toBe('body.managerId');
    const badEmail = expectProblem(await user.call(routes.people.create, { body: { name: 'Ana', email: 'nope' } }), 400);
    expect(badEmail.errors?.[0]?.path).toBe('body.email');
    expect((await list(user)).body.items).toEqual([]);
  });

  it('finds people ignoring accents and case, in names, aliases and emails', async () => {
    const user = await t.app.newUser();
    await addPerson(user, { name: 'Élodie', lastName: 'Dupont-Moretti' });
    await addPerson(user, { name: 'François', lastName: 'Léger', aliases: ['Fanfan'] });
    await addPerson(user, { name: 'Zoé', lastName: 'Roux', email: 'zoe.roux@acme.test' });
    expect(names(await list(user, { q: 'elodie' }))).toEqual(['Élodie Dupont-Moretti']);
    expect(names(await list(user, { q: 'DUPONT' }))).toEqual(['Élodie Dupont-Moretti']);
    expect(names(await list(user, { q: 'fanfan' }))).toEqual(['François Léger']);
    expect(names(await list(user, { q: 'leger' }))).toEqual(['François Léger']);
    expect(names(await list(user, { q: 'zoe.roux@' }))).toEqual(['Zoé Roux']);
    expect(names(await list(user, { q: '.*' }))).toEqual([]); // matched literally
  });

  it('filters by team, left and contact-only, and sorts by name or newest arrival', async () => {
    const user = await t.app.newUser();
    const team = (await user.call(routes.teams.create, { body: { name: 'Ops' } })).body;
    await addPerson(user, { name: 'Bruno', teamId: team.id, arrivalDate: '2020-01-01T00:00:00.000Z' });
    await addPerson(user, { name: 'Ana', left: true, arrivalDate: '2023-01-01T00:00:00.000Z' });
    await addPerson(user, { name: 'Chloé', contactOnly: true });
    expect(names(await list(user))).toEqual(['Ana', 'Bruno', 'Chloé']);
    expect(names(await list(user, { sort: 'arrival' }))).toEqual(['Ana', 'Bruno', 'Chloé']);
    expect(names(await list(user, { teamId: team.id }))).toEqual(['Bruno']);
    expect(names(await list(user, { teamId: 'none' }))).toEqual(['Ana', 'Chloé']);
    expect(names(await list(user, { left: 'false' }))).toEqual(['Bruno', 'Chloé']);
    expect(names(await list(user, { contactOnly: 'true' }))).toEqual(['Chloé']);
    const firstPage = await list(user, { limit: 2 });
    expect(firstPage.body).toMatchObject({ nextOffset: 2, items: [{ name: 'Ana' }, { name: 'Bruno' }] });
    const lastPage = await list(user, { limit: 2, offset: 2 });
    expect(lastPage.body).toMatchObject({ nextOffset: null, items: [{ name: 'Chloé' }] });
  });

  it('refuses a manager loop with a 409 naming the chain, and keeps the old manager', async () => {
    const user = await t.app.newUser();
    const ana = await addPerson(user, { name: 'Ana', lastName: 'A' });
    const ben = await addPerson(user, { name: 'Ben', lastName: 'B', managerId: ana.id });
    const cleo = await addPerson(user, { name: 'Cléo', lastName: 'C', managerId: ben.id });
    const self = expectProblem(await user.call(routes.people.update, { ...byId(ana.id), body: { managerId: ana.id } }), 400);
    expect(self.errors?.[0]?.path).toBe('body.managerId');
    const loop = expectProblem(await user.call(routes.people.update, { ...byId(ana.id), body: { managerId: cleo.id } }), 409);
    expect(loop.type).toBe('urn:panoramix:problem:manager-cycle');
    expect(loop.detail).toBe('This manager would make a loop: Ana A → Cléo C → Ben B → Ana A');
    expect((await user.call(routes.people.get, byId(ana.id))).body.managerId).toBeNull();
    const tree = await user.call(routes.people.tree);
    expect(tree.body.items.map((n) => [n.name, n.managerId])).toEqual([
      ['Ana', null],
      ['Ben', ana.id],
      ['Cléo', ben.id],
    ]);
  });

  it('never ends in a loop when two changes would close one at the same time', async () => {
    const user = await t.app.newUser();
    const ana = await addPerson(user, { name: 'Ana' });
    const ben = await addPerson(user, { name: 'Ben' });
    const [first, second] = await Promise.all([
      user.call(routes.people.update, { ...byId(ana.id), body: { managerId: ben.id } }),
      user.call(routes.people.update, { ...byId(ben.id), body: { managerId: ana.id } }),
    ]);
    expect([first.status, second.status].filter((status) => status === 200).length).toBeLessThanOrEqual(1);
    const managers = (await user.call(routes.people.tree)).body.items.map((n) => n.managerId);
    expect(managers.filter(Boolean).length).toBeLessThanOrEqual(1);
  });

  it('deleting a manager leaves their reports without manager, announced', async () => {
    const user = await t.app.newUser();
    const ana = await addPerson(user, { name: 'Ana' });
    const ben = await addPerson(user, { name: 'Ben', managerId: ana.id });
    const socket = await t.app.socket(user.token);
    const updated = nextEvent(socket, 'person.updated');
    expect((await user.call(routes.people.remove, byId(ana.id))).status).toBe(204);
    expect(await updated).toMatchObject({ id: ben.id, managerId: null });
    expect((await user.call(routes.people.get, byId(ben.id))).body.managerId).toBeNull();
  });

  it('exports the filtered list as CSV that imports back', async () => {
    const user = await t.app.newUser();
    await addPerson(user, { name: 'Élodie', lastName: 'Dupont', email: 'e@acme.test', role: '=cmd()' });
    await addPerson(user, { name: 'Jean', lastName: 'Martin', left: true });
    const res = await user.call(routes.people.exportCsv, { query: { left: 'false' } });
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (res.body as string)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^"Élodie","Dupont","e@acme.test","Active","'=cmd\(\)"/);
    const again = await preview(user, res.body as string);
    expect(again.body).toMatchObject({ inserted: 0, updated: 0, skipped: 1 });
  });
});

describe('Google Workspace import', () => {
  it('previews without writing, then applies: counts, totals and why rows are skipped', async () => {
    const user = await t.app.newUser();
    await addPerson(user, { name: 'J.', lastName: 'Martin' });
    const csv = fixture('google-utf-8-bom.csv');
    const seen = await preview(user, csv);
    expect(seen.status, JSON.stringify(seen.body)).toBe(200);
    expect(seen.body).toMatchObject({ inserted: 2, updated: 1, skipped: 0, totalBefore: 1, totalAfter: 3, encoding: 'utf-8' });
    expect((await list(user)).body.items).toHaveLength(1);

    const done = await apply(user, csv);
    expect(done.body).toMatchObject({ inserted: 2, updated: 1, skipped: 0, totalBefore: 1, totalAfter: 3 });
    expect(names(await list(user, { q: 'elodie' }))).toEqual(['Élodie Dupont-Moretti']);
    expect((await list(user, { left: 'true' })).body.items).toMatchObject([{ name: 'Jean', email: 'jean@acme.test' }]);

    const rerun = await apply(user, csv);
    expect(rerun.body).toMatchObject({ inserted: 0, updated: 0, skipped: 3, totalBefore: 3, totalAfter: 3 });
    expect(rerun.body.rows.map((r: { reason: string }) => r.reason)).toEqual(['unchanged', 'unchanged', 'unchanged']);
  });

  it('reads a Windows-1252 file with its accents', async () => {
    const user = await t.app.newUser();
    const done = await apply(user, fixture('google-windows-1252.csv'));
    expect(done.body).toMatchObject({ inserted: 2, encoding: 'windows-1252' });
    expect(names(await list(user, { q: 'francois' }))).toEqual(['François Léger']);
  });

  it('refuses a file missing columns, naming them, and writes nothing', async () => {
    const user = await t.app.newUser();
    const res = expectProblem(await apply(user, 'First Name [Required],Email\nAna,ana@acme.test\n'), 400);
    expect(res.errors?.[0]?.message).toBe('missing columns: Last Name [Required], Email Address [Required]');
    expectProblem(await apply(user, `${header}\n"Ana,broken\n`), 400);
    expect((await list(user)).body.items).toEqual([]);
  });

  it('refuses a 20 MB file with a 413 and writes nothing', async () => {
    const user = await t.app.newUser();
    const row = 'Ana,Martin,ana@acme.test,Active\n';
    const big = header + '\n' + row.repeat(Math.ceil((20 * 1024 * 1024) / row.length));
    expectProblem(await apply(user, big), 413);
    expect((await list(user)).body.items).toEqual([]);
  });

  it('sends one event per imported person, to the owner only', async () => {
    const user = await t.app.newUser();
    const mine = recordEvents(await t.app.socket(user.token));
    const bobs = recordEvents(await t.app.socket(t.bob.token));
    await apply(user, `${header}\nAna,Roux,ana@acme.test,Active\nBen,Roux,ben@acme.test,Active\n`);
    await expect.poll(() => mine.filter((e) => e.type === 'person.created').length).toBe(2);
    await settle();
    expect(bobs).toEqual([]);
  });
});

describe('isolation between users', () => {
  it("answers 404 for another user's person and leaves it untouched", async () => {
    const ana = await addPerson(t.alice, { name: 'Private' });
    expectProblem(await t.bob.call(routes.people.get, byId(ana.id)), 404);
    expectProblem(await t.bob.call(routes.people.update, { ...byId(ana.id), body: { name: 'Hijacked' } }), 404);
    expectProblem(await t.bob.call(routes.people.remove, byId(ana.id)), 404);
    expect((await list(t.bob, { q: 'private' })).body.items).toEqual([]);
    expect((await t.bob.call(routes.people.tree)).body.items.find((n) => n.id === ana.id)).toBeUndefined();
    const bobsOwn = await addPerson(t.bob, { name: 'Bob’s report' });
    expectProblem(await t.bob.call(routes.people.update, { ...byId(bobsOwn.id), body: { managerId: ana.id } }), 400);
    expect((await t.alice.call(routes.people.get, byId(ana.id))).body.name).toBe('Private');
  });

  it('sends person events to the owner only', async () => {
    const aliceSocket = await t.app.socket(t.alice.token);
    const bobReceived = recordEvents(await t.app.socket(t.bob.token));
    const created = nextEvent(aliceSocket, 'person.created');
    const ana = await addPerson(t.alice, { name: 'Live' });
    expect((await created).id).toBe(ana.id);
    const deleted = nextEvent(aliceSocket, 'person.deleted');
    await t.alice.call(routes.people.remove, byId(ana.id));
    expect(await deleted).toEqual({ id: ana.id });
    await settle();
    expect(bobReceived).toEqual([]);
  });
});

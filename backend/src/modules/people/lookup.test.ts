import { routes } from '@panoramix/contracts';
import type { RouteQueryInput } from '@panoramix/contracts';
import { describe, expect, it } from 'vitest';
import { byId, useTeam } from '../../../test/harness.ts';
import type { TestUser } from '../../../test/harness.ts';
import { UserModel } from '../users/model.ts';
import { PeopleLookupModel, dropLookups, lookupOfPeople, rebuildLookups, storedLookup, upgradeLookups } from './lookup.ts';
import { PersonModel } from './model.ts';

const t = useTeam();

const header = 'First Name [Required],Last Name [Required],Email Address [Required],Status [READ ONLY]';

async function importCsv(user: TestUser, csv: string) {
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'users.csv');
  const res = await fetch(`${user.baseUrl}/api/people/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${user.token}` },
    body: form,
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

const search = async (user: TestUser, query: RouteQueryInput<typeof routes.people.list>) =>
  (await user.call(routes.people.list, { query })).body.items.map((p) => `${p.name} ${p.lastName}`.trim());

/** The lookup the writes kept is the one the people give, after `step`. */
async function expectLookupInStep(user: TestUser, step: string) {
  expect(await storedLookup(user.id), step).toEqual(await lookupOfPeople(user.id));
}

describe('people lookup', () => {
  it('stays in step with every kind of write: create, rename, alias change, team move, import, delete', async () => {
    const user = await t.app.newUser();
    expect(await search(user, {})).toEqual([]); // the first list builds it
    expect(await storedLookup(user.id)).toEqual({});

    const ana = (await user.call(routes.people.create, { body: { name: 'Élodie', lastName: 'Roux' } })).body;
    await expectLookupInStep(user, 'create');
    expect(await search(user, { q: 'elodie' })).toEqual(['Élodie Roux']);

    await user.call(routes.people.update, { ...byId(ana.id), body: { name: 'Anaïs' } });
    await expectLookupInStep(user, 'rename');
    expect(await search(user, { q: 'elodie' })).toEqual([]);
    expect(await search(user, { q: 'anais' })).toEqual(['Anaïs Roux']);

    await user.call(routes.people.update, { ...byId(ana.id), body: { aliases: ['Nanou'] } });
    await expectLookupInStep(user, 'alias change');
    expect(await search(user, { q: 'nanou' })).toEqual(['Anaïs Roux']);

    const [from, to] = await Promise.all(
      ['Ops', 'Data'].map(async (name) => (await user.call(routes.teams.create, { body: { name } })).body),
    );
    await user.call(routes.people.update, { ...byId(ana.id), body: { teamId: from!.id } });
    await expectLookupInStep(user, 'team set');
    await user.call(routes.teams.remove, { ...byId(from!.id), query: { moveTo: to!.id } });
    await expectLookupInStep(user, 'team move');
    expect(await search(user, { teamId: to!.id })).toEqual(['Anaïs Roux']);

    await importCsv(user, `${header}\nBen,Martin,ben@acme.test,Suspended\nAnaïs,Roux,ana@acme.test,Active\n`);
    await expectLookupInStep(user, 'import');
    expect(await search(user, { left: 'true' })).toEqual(['Ben Martin']);
    expect(await search(user, { q: 'ana@acme' })).toEqual(['Anaïs Roux']);

    await user.call(routes.people.remove, byId(ana.id));
    await expectLookupInStep(user, 'delete');
    expect(await search(user, {})).toEqual(['Ben Martin']);
  });

  it("is written by a new user's first import, so the first list after it reads no person", async () => {
    const user = await t.app.newUser();
    await importCsv(user, `${header}\nÉlodie,Dupont-Moretti,elodie@acme.test,Active\nJean,Martin,jean@acme.test,Active\n`);
    await expectLookupInStep(user, 'import');
    expect(Object.keys((await storedLookup(user.id)) ?? {})).toHaveLength(2);
  });

  it('is built again on the next list once dropped (start, restore), and put right by the nightly rebuild', async () => {
    const user = await t.app.newUser();
    await user.call(routes.people.create, { body: { name: 'Zoé' } });
    await user.call(routes.people.create, { body: { name: 'Bruno' } });
    await dropLookups();
    expect(await storedLookup(user.id)).toBeNull();
    expect(await search(user, {})).toEqual(['Bruno', 'Zoé']);
    await expectLookupInStep(user, 'built on list');

    // What a crash between a person's write and its lookup's leaves: Zoé missing from the lookup.
    await PeopleLookupModel.collection.updateOne({ _id: user.id } as never, { $set: { entries: '{}' } });
    expect(await search(user, { q: 'zoe' })).toEqual([]);
    await rebuildLookups();
    await expectLookupInStep(user, 'rebuilt');
    expect(await search(user, { q: 'zoe' })).toEqual(['Zoé']);
  });

  it('is kept by a start with the same format, and dropped after an archive import wrote people', async () => {
    const user = await t.app.newUser();
    await user.call(routes.people.create, { body: { name: 'Zoé' } });
    await upgradeLookups('start'); // stamps the format if no start did
    expect(await search(user, {})).toEqual(['Zoé']);
    await upgradeLookups('start');
    await expectLookupInStep(user, 'after a start');
    await upgradeLookups('import');
    expect(await storedLookup(user.id)).toBeNull();
    expect(await search(user, {})).toEqual(['Zoé']);
  });

  it("drops a deleted account's lookup on the nightly rebuild", async () => {
    const user = await t.app.newUser();
    await user.call(routes.people.create, { body: { name: 'Zoé' } });
    expect(await search(user, {})).toEqual(['Zoé']);
    const kept = await t.app.newUser();
    expect(await search(kept, {})).toEqual([]);
    // What deleting the account leaves: its people and its user document gone, past this module.
    await PersonModel.deleteMany({ userId: user.id });
    await UserModel.deleteOne({ _id: user.id });
    await rebuildLookups();
    expect(await PeopleLookupModel.collection.findOne({ _id: user.id } as never)).toBeNull();
    expect(await search(kept, {})).toEqual([]);
  });

  it('lists the reports of a deleted manager without manager', async () => {
    const user = await t.app.newUser();
    const ana = (await user.call(routes.people.create, { body: { name: 'Ana' } })).body;
    await user.call(routes.people.create, { body: { name: 'Ben', managerId: ana.id } });
    expect((await user.call(routes.people.list, { query: {} })).body.items.map((p) => p.managerId)).toEqual([null, ana.id]);
    await user.call(routes.people.remove, byId(ana.id));
    await expectLookupInStep(user, 'manager deleted');
    expect((await user.call(routes.people.list, { query: {} })).body.items).toMatchObject([{ name: 'Ben', managerId: null }]);
  });

  it("holds only the owner's people", async () => {
    const user = await t.app.newUser();
    await user.call(routes.people.create, { body: { name: 'Mine' } });
    await t.bob.call(routes.people.create, { body: { name: 'Not mine' } });
    expect(await search(user, {})).toEqual(['Mine']);
    await expectLookupInStep(user, 'another user wrote');
  });
});

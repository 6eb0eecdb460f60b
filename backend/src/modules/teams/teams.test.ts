import { routes } from '@panoramix/contracts';
import { describe, expect, it } from 'vitest';
import { byId, expectProblem, nextEvent, recordEvents, settle, useTeam } from '../../../test/harness.ts';
import type { TestUser } from '../../../test/harness.ts';

const t = useTeam();

const addTeam = async (user: TestUser, name: string) => (await user.call(routes.teams.create, { body: { name } })).body;
const addMember = async (user: TestUser, name: string, teamId: string) =>
  (await user.call(routes.people.create, { body: { name, teamId } })).body;
const teamOf = async (user: TestUser, personId: string) => (await user.call(routes.people.get, byId(personId))).body.teamId;
const remove = (user: TestUser, id: string, query: { moveTo?: string; unassign?: 'true' | 'false' } = {}) =>
  user.call(routes.teams.remove, { ...byId(id), query });

describe('teams', () => {
  it('requires authentication and a name', async () => {
    expectProblem(await t.app.client().call(routes.teams.list), 401);
    const blank = expectProblem(await t.alice.call(routes.teams.create, { body: { name: '  ' } }), 400);
    expect(blank.errors?.[0]?.path).toBe('body.name');
  });

  it('creates, renames and lists teams by name with their member counts', async () => {
    const user = await t.app.newUser();
    const sre = await addTeam(user, '  SRE ');
    const data = await addTeam(user, 'Data');
    await addMember(user, 'Ana', sre.id);
    await addMember(user, 'Ben', sre.id);
    expect(sre).toMatchObject({ name: 'SRE', memberCount: 0 });
    const renamed = await user.call(routes.teams.update, { ...byId(data.id), body: { name: 'Analytics' } });
    expect(renamed.body).toMatchObject({ name: 'Analytics', memberCount: 0 });
    const listed = await user.call(routes.teams.list);
    expect(listed.body.items.map((team) => [team.name, team.memberCount])).toEqual([
      ['Analytics', 0],
      ['SRE', 2],
    ]);
  });

  it('refuses to delete a team with members, saying how many, and changes nothing', async () => {
    const user = await t.app.newUser();
    const team = await addTeam(user, 'Ops');
    const ana = await addMember(user, 'Ana', team.id);
    await addMember(user, 'Ben', team.id);
    const refused = expectProblem(await remove(user, team.id), 409);
    expect(refused).toMatchObject({
      type: 'urn:panoramix:problem:team-not-empty',
      detail: expect.stringMatching(/has 2 members/),
    });
    expect(await teamOf(user, ana.id)).toBe(team.id);
    expect((await user.call(routes.teams.list)).body.items).toHaveLength(1);
  });

  it('moves the members to another team, then deletes', async () => {
    const user = await t.app.newUser();
    const [from, to] = [await addTeam(user, 'Old'), await addTeam(user, 'New')];
    const ana = await addMember(user, 'Ana', from.id);
    const socket = await t.app.socket(user.token);
    const moved = nextEvent(socket, 'person.updated');
    const gone = nextEvent(socket, 'team.deleted');
    expect((await remove(user, from.id, { moveTo: to.id })).status).toBe(204);
    expect(await moved).toMatchObject({ id: ana.id, teamId: to.id });
    expect(await gone).toEqual({ id: from.id });
    expect(await teamOf(user, ana.id)).toBe(to.id);
  });

  it('leaves the members without team when asked, and deletes an empty team at once', async () => {
    const user = await t.app.newUser();
    const team = await addTeam(user, 'Gone');
    const ana = await addMember(user, 'Ana', team.id);
    expect((await remove(user, team.id, { unassign: 'true' })).status).toBe(204);
    expect(await teamOf(user, ana.id)).toBeNull();
    const empty = await addTeam(user, 'Empty');
    expect((await remove(user, empty.id)).status).toBe(204);
    expect((await user.call(routes.teams.list)).body.items).toEqual([]);
  });

  it('refuses to move members to an unknown team, to itself, or both options at once', async () => {
    const user = await t.app.newUser();
    const team = await addTeam(user, 'Ops');
    await addMember(user, 'Ana', team.id);
    const bobs = await addTeam(t.bob, 'Bob’s');
    const unknown = expectProblem(await remove(user, team.id, { moveTo: bobs.id }), 400);
    expect(unknown.errors?.[0]).toEqual({ path: 'query.moveTo', message: 'no such team' });
    expectProblem(await remove(user, team.id, { moveTo: team.id }), 400);
    const other = await addTeam(user, 'Other');
    expectProblem(await remove(user, team.id, { moveTo: other.id, unassign: 'true' }), 400);
    expect((await user.call(routes.teams.list)).body.items.find((x) => x.id === team.id)?.memberCount).toBe(1);
  });
});

describe('isolation between users', () => {
  it("answers 404 for another user's team, sends its events to the owner only", async () => {
    const bobReceived = recordEvents(await t.app.socket(t.bob.token));
    const team = await addTeam(t.alice, 'Private');
    expectProblem(await t.bob.call(routes.teams.update, { ...byId(team.id), body: { name: 'Hijacked' } }), 404);
    expectProblem(await remove(t.bob, team.id), 404);
    expect((await t.bob.call(routes.teams.list)).body.items.find((x) => x.id === team.id)).toBeUndefined();
    expectProblem(await t.bob.call(routes.people.create, { body: { name: 'Spy', teamId: team.id } }), 400);
    await settle();
    expect(bobReceived).toEqual([]);
    expect((await t.alice.call(routes.teams.list)).body.items.find((x) => x.id === team.id)?.name).toBe('Private');
  });
});

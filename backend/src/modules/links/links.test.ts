import { routes } from '@panoramix/contracts';
import type { RouteBodyInput, RouteQueryInput } from '@panoramix/contracts';
import { describe, expect, it } from 'vitest';
import { byId, expectProblem, nextEvent, recordEvents, settle, useTeam } from '../../../test/harness.ts';
import { LinkModel } from './model.ts';
import type { TestUser } from '../../../test/harness.ts';

const t = useTeam();

type LinkInput = RouteBodyInput<typeof routes.links.create>;
const createLink = async (user: TestUser, body: LinkInput = { name: 'Docs', url: 'example.org/docs' }) => {
  const res = await user.call(routes.links.create, { body });
  expect(res.status).toBe(201);
  return res.body;
};

describe('links', () => {
  it('requires authentication', async () => {
    expectProblem(await t.app.client().call(routes.links.list), 401);
    expectProblem(await t.app.client().call(routes.links.create, { body: { name: 'x', url: 'https://x.test' } }), 401);
  });

  it('creates, reads, renames, counts clicks and deletes', async () => {
    const link = await createLink(t.alice, { name: '  Panorama docs ', url: 'example.org/docs' });
    expect(link).toMatchObject({ name: 'Panorama docs', url: 'https://example.org/docs', clicksCount: 0 });

    expect((await t.alice.call(routes.links.get, byId(link.id))).body.name).toBe('Panorama docs');
    const renamed = await t.alice.call(routes.links.update, { ...byId(link.id), body: { name: 'Docs' } });
    expect(renamed.body.name).toBe('Docs');
    const clicked = await t.alice.call(routes.links.click, byId(link.id));
    expect(clicked.body.clicksCount).toBe(1);
    expect(clicked.body.lastClickedAt).toEqual(expect.any(String));

    expect((await t.alice.call(routes.links.remove, byId(link.id))).status).toBe(204);
    expectProblem(await t.alice.call(routes.links.get, byId(link.id)), 404);
  });

  it('refuses empty names and non-http addresses, naming the field', async () => {
    const blank = expectProblem(await t.alice.call(routes.links.create, { body: { name: '   ', url: 'https://x.test' } }), 400);
    expect(blank.errors?.[0]).toMatchObject({ path: 'body.name', message: 'must not be empty' });
    const js = expectProblem(await t.alice.call(routes.links.create, { body: { name: 'x', url: 'javascript:alert(1)' } }), 400);
    expect(js.errors?.[0]?.path).toBe('body.url');
  });

  it('pages newest first with a cursor and filters by text', async () => {
    const user = await t.app.newUser();
    for (let i = 0; i < 5; i++) await createLink(user, { name: `Page ${i}`, url: `https://site${i}.test` });
    const list = (query: NonNullable<RouteQueryInput<typeof routes.links.list>>) => user.call(routes.links.list, { query });
    const first = await list({ limit: 2 });
    expect(first.body.items.map((l) => l.name)).toEqual(['Page 4', 'Page 3']);
    const second = await list({ limit: 2, cursor: first.body.nextCursor! });
    expect(second.body.items.map((l) => l.name)).toEqual(['Page 2', 'Page 1']);
    const last = await list({ limit: 2, cursor: second.body.nextCursor! });
    expect(last.body).toMatchObject({ items: [{ name: 'Page 0' }], nextCursor: null });

    const found = await list({ q: 'site3' });
    expect(found.body.items.map((l) => l.name)).toEqual(['Page 3']);
    const regexChars = await list({ q: '.*' });
    expect(regexChars.body.items).toEqual([]); // text is matched literally
  });
});

describe('isolation between users', () => {
  it("answers 404 on every route for another user's link and leaves it untouched", async () => {
    const link = await createLink(t.alice, { name: 'Private', url: 'https://private.test' });
    expectProblem(await t.bob.call(routes.links.get, byId(link.id)), 404);
    expectProblem(await t.bob.call(routes.links.update, { ...byId(link.id), body: { name: 'Hijacked' } }), 404);
    expectProblem(await t.bob.call(routes.links.click, byId(link.id)), 404);
    expectProblem(await t.bob.call(routes.links.remove, byId(link.id)), 404);
    const bobsList = await t.bob.call(routes.links.list);
    expect(bobsList.body.items.find((l) => l.id === link.id)).toBeUndefined();

    const still = await t.alice.call(routes.links.get, byId(link.id));
    expect(still.body).toMatchObject({ name: 'Private', clicksCount: 0 });
  });

  it('sends link events to the owner only', async () => {
    const aliceSocket = await t.app.socket(t.alice.token);
    const aliceSecondTab = await t.app.socket(t.alice.token);
    const bobSocket = await t.app.socket(t.bob.token);
    const bobReceived = recordEvents(bobSocket);

    const created = nextEvent(aliceSocket, 'link.created');
    const createdInSecondTab = nextEvent(aliceSecondTab, 'link.created');
    const link = await createLink(t.alice, { name: 'Live', url: 'https://live.test' });
    expect(await created).toMatchObject({ id: link.id, name: 'Live' });
    expect((await createdInSecondTab).id).toBe(link.id);

    const updated = nextEvent(aliceSocket, 'link.updated');
    await t.alice.call(routes.links.update, { ...byId(link.id), body: { name: 'Live 2' } });
    expect((await updated).name).toBe('Live 2');

    const deleted = nextEvent(aliceSocket, 'link.deleted');
    await t.alice.call(routes.links.remove, byId(link.id));
    expect(await deleted).toEqual({ id: link.id, projectId: null });

    await settle();
    expect(bobReceived).toEqual([]);
  });

  it('refuses sockets without a valid access token', async () => {
    await expect(t.app.socket('')).rejects.toThrow(/unauthorized/);
    await expect(t.app.socket('forged.token.value')).rejects.toThrow(/unauthorized/);
  });
});

describe('links in a project', () => {
  const inShared = () => ({ name: 'Team wiki', url: 'https://wiki.test', projectId: t.shared.id });

  it("reach the project's members, who may edit them; a stranger gets 404 everywhere", async () => {
    const link = await createLink(t.alice, inShared());
    expect(link.projectId).toBe(t.shared.id);
    expect((await t.bob.call(routes.links.get, byId(link.id))).body.name).toBe('Team wiki');
    const clicked = await t.bob.call(routes.links.click, byId(link.id));
    expect(clicked.body.clicksCount).toBe(1);
    expectProblem(await t.eve.call(routes.links.get, byId(link.id)), 404);
    expectProblem(await t.eve.call(routes.links.update, { ...byId(link.id), body: { name: 'Mine now' } }), 404);
    expectProblem(await t.eve.call(routes.links.click, byId(link.id)), 404);
    expectProblem(await t.eve.call(routes.links.remove, byId(link.id)), 404);
    expect((await t.eve.call(routes.links.list)).body.items.map((l) => l.id)).not.toContain(link.id);
    expect((await t.alice.call(routes.links.get, byId(link.id))).body).toMatchObject({ name: 'Team wiki', clicksCount: 1 });
  });

  it('refuses a project the caller is not a member of, naming the field, and writes nothing', async () => {
    const evesProject = (await t.eve.call(routes.projects.create, { body: { name: 'Eve only' } })).body;
    const before = await LinkModel.countDocuments({ userId: t.alice.id });
    const refused = expectProblem(
      await t.alice.call(routes.links.create, { body: { ...inShared(), projectId: evesProject.id } }),
      400,
    );
    expect(refused.errors?.[0]).toMatchObject({ path: 'body.projectId', message: 'no such project' });
    expect(await LinkModel.countDocuments({ userId: t.alice.id })).toBe(before);

    const mine = await createLink(t.alice);
    const moved = expectProblem(
      await t.alice.call(routes.links.update, { ...byId(mine.id), body: { projectId: evesProject.id } }),
      400,
    );
    expect(moved.errors?.[0]?.path).toBe('body.projectId');
    expect((await t.alice.call(routes.links.get, byId(mine.id))).body.projectId).toBeNull();
    const malformed = expectProblem(
      await t.alice.api.post('/api/links', { name: 'x', url: 'https://x.test', projectId: 'nope' }),
      400,
    );
    expect(malformed.errors?.[0]?.path).toBe('body.projectId');
  });

  it("filters by project: one project's links, my unfiled ones, 404 for a project I cannot see", async () => {
    const user = await t.app.newUser();
    const project = (await user.call(routes.projects.create, { body: { name: 'Filtered' } })).body;
    const filed = await createLink(user, { name: 'Filed', url: 'https://filed.test', projectId: project.id });
    const unfiled = await createLink(user, { name: 'Unfiled', url: 'https://unfiled.test' });
    const ids = async (projectId: string) =>
      (await user.call(routes.links.list, { query: { projectId } })).body.items.map((l) => l.id);
    expect(await ids(project.id)).toEqual([filed.id]);
    expect(await ids('none')).toEqual([unfiled.id]);
    expectProblem(await t.eve.call(routes.links.list, { query: { projectId: project.id } }), 404);
  });

  it('moving a link out of a project tells the members it is gone, and only them', async () => {
    const link = await createLink(t.alice, inShared());
    const bobSocket = await t.app.socket(t.bob.token);
    const eveEvents = recordEvents(await t.app.socket(t.eve.token));
    const gone = nextEvent(bobSocket, 'link.deleted');
    const moved = await t.alice.call(routes.links.update, { ...byId(link.id), body: { projectId: null } });
    expect(moved.body.projectId).toBeNull();
    expect(await gone).toEqual({ id: link.id, projectId: t.shared.id });
    expectProblem(await t.bob.call(routes.links.get, byId(link.id)), 404);
    await settle();
    expect(eveEvents).toEqual([]);
  });

  it('go with their project when it is deleted; other links stay', async () => {
    const project = (await t.alice.call(routes.projects.create, { body: { name: 'Doomed' } })).body;
    const doomed = await createLink(t.alice, { name: 'Doomed', url: 'https://doomed.test', projectId: project.id });
    const kept = await createLink(t.alice, { name: 'Kept', url: 'https://kept.test' });
    expect((await t.alice.call(routes.projects.remove, byId(project.id))).status).toBe(202);
    expectProblem(await t.alice.call(routes.links.get, byId(doomed.id)), 404);
    const count = () => LinkModel.countDocuments({ _id: doomed.id }).setOptions({ tenancy: 'system' });
    await expect.poll(count, { timeout: 10_000 }).toBe(0);
    expect((await t.alice.call(routes.links.get, byId(kept.id))).status).toBe(200);
  });
});

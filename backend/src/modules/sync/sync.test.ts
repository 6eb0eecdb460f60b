import { routes } from '@panoramix/contracts';
import type { SyncCollection } from '@panoramix/contracts';
import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { byId, expectProblem, useTeam } from '../../../test/harness.ts';
import type { TestUser } from '../../../test/harness.ts';
import { TombstoneModel } from './model.ts';
import { PURGE_TOMBSTONES_JOB, syncJobs } from './tombstones.ts';
import { RETENTION_MS, versionAt } from './version.ts';

const t = useTeam();

async function sync(user: TestUser, collection: SyncCollection, since?: string) {
  const res = await user.call(routes.sync[collection], since === undefined ? {} : { query: { since } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const body = res.body as { version: string; items: { id: string }[]; removed: string[] };
  return { ...body, ids: body.items.map((item) => item.id) };
}

const newTask = async (user: TestUser, title: string, projectId: string | null = null) =>
  (await user.call(routes.tasks.create, { body: { title, projectId } })).body;
const newProject = async (user: TestUser, name: string) => (await user.call(routes.projects.create, { body: { name } })).body;

describe('sync snapshot', () => {
  it('answers every item the caller sees, and none of anyone else', async () => {
    const { alice, bob, eve, shared } = t;
    const mine = await newTask(alice, 'Alice inbox');
    const team = await newTask(bob, 'Team task', shared.id);
    const bobs = await newTask(bob, 'Bob inbox');
    const evesProject = await newProject(eve, 'Eve only');
    const eves = await newTask(eve, 'Eve task', evesProject.id);

    const tasks = await sync(alice, 'tasks');
    expect(tasks.ids).toEqual(expect.arrayContaining([mine.id, team.id]));
    expect(tasks.ids).not.toContain(bobs.id);
    expect(tasks.ids).not.toContain(eves.id);
    expect(tasks.removed).toEqual([]);
    expect(tasks.items.find((item) => item.id === team.id)).toEqual(team);

    const projects = await sync(alice, 'projects');
    expect(projects.ids).toContain(shared.id);
    expect(projects.ids).not.toContain(evesProject.id);
    expect((await sync(bob, 'tasks')).ids).not.toContain(mine.id);
  });

  it('sends notes without their content, sessions and links as their lists do', async () => {
    const { alice, bob, shared } = t;
    const note = (
      await alice.call(routes.notes.create, { body: { title: 'Plan', content: 'secret body', projectId: shared.id } })
    ).body;
    const session = (await bob.call(routes.noteSessions.create, { body: { name: 'Standup', projectId: shared.id } })).body;
    const link = (await alice.call(routes.links.create, { body: { name: 'Docs', url: 'https://example.test/docs' } })).body;

    const notes = await sync(bob, 'notes');
    const { content: _content, ...summary } = note;
    expect(notes.items.find((item) => item.id === note.id)).toEqual(summary);
    expect(JSON.stringify(notes.items)).not.toContain('secret body');
    expect((await sync(alice, 'noteSessions')).items).toContainEqual(session);
    const teamLink = (
      await alice.call(routes.links.create, { body: { name: 'Wiki', url: 'https://wiki.test', projectId: shared.id } })
    ).body;
    expect((await sync(alice, 'links')).items).toContainEqual(link);
    // An unfiled link is its owner's alone; a project's link its members'.
    const bobsLinks = await sync(bob, 'links');
    expect(bobsLinks.ids).not.toContain(link.id);
    expect(bobsLinks.items).toContainEqual(teamLink);
  });
});

describe('sync changes since a version', () => {
  it('answers what was created or changed since, to those who see it', async () => {
    const { alice, bob, eve, shared } = t;
    const before = await newTask(alice, 'Old', shared.id);
    const { version } = await sync(bob, 'tasks');
    const created = await newTask(alice, 'New', shared.id);
    const updated = (await alice.call(routes.tasks.update, { ...byId(before.id), body: { title: 'Renamed' } })).body;

    const changes = await sync(bob, 'tasks', version);
    expect(changes.items).toEqual(expect.arrayContaining([created, updated]));
    expect(changes.version >= version).toBe(true);
    const eves = await sync(eve, 'tasks', version);
    expect(eves.ids).not.toContain(created.id);
    expect(eves.ids).not.toContain(before.id);
  });

  it('lists deleted items as removed for everyone who saw them, and for nobody else', async () => {
    const { alice, bob, eve, shared } = t;
    const task = await newTask(alice, 'Doomed', shared.id);
    const { version } = await sync(bob, 'tasks');
    expect((await alice.call(routes.tasks.remove, byId(task.id))).status).toBe(204);

    expect((await sync(bob, 'tasks', version)).removed).toContain(task.id);
    expect((await sync(alice, 'tasks', version)).removed).toContain(task.id);
    expect((await sync(eve, 'tasks', version)).removed).not.toContain(task.id);
    expect((await sync(bob, 'notes', version)).removed).not.toContain(task.id);
  });

  it('lists an item moved to a project the caller is not in as removed, and sends it to its new audience', async () => {
    const { alice, bob, shared } = t;
    const privateProject = await newProject(alice, 'Alice private');
    const note = (await alice.call(routes.notes.create, { body: { title: 'Moving', projectId: shared.id } })).body;
    const { version } = await sync(bob, 'notes');
    await alice.call(routes.notes.update, { ...byId(note.id), body: { projectId: privateProject.id } });

    const bobs = await sync(bob, 'notes', version);
    expect(bobs.removed).toContain(note.id);
    expect(bobs.ids).not.toContain(note.id);
    const alices = await sync(alice, 'notes', version);
    expect(alices.removed).not.toContain(note.id);
    expect(alices.items.find((item) => item.id === note.id)).toMatchObject({ projectId: privateProject.id });
  });

  it('lists a project as removed for the member removed from it, and sends them what they see once they join again', async () => {
    const { alice, bob } = t;
    const project = await newProject(alice, 'Comings and goings');
    const task = await newTask(alice, 'Older than the join', project.id);
    const { version } = await sync(bob, 'projects');
    await alice.call(routes.projects.addMember, { ...byId(project.id), body: { username: bob.username } });

    // Joined: the project, and its content although it did not change since the version.
    expect((await sync(bob, 'projects', version)).ids).toContain(project.id);
    expect((await sync(bob, 'tasks', version)).ids).toContain(task.id);

    const joined = (await sync(bob, 'projects')).version;
    await alice.call(routes.projects.removeMember, { params: { id: project.id, userId: bob.id } });
    const gone = await sync(bob, 'projects', joined);
    expect(gone.removed).toContain(project.id);
    expect(gone.ids).not.toContain(project.id);
    expect((await sync(alice, 'projects', joined)).removed).not.toContain(project.id);
    expect((await sync(bob, 'tasks')).ids).not.toContain(task.id);
  });

  it('lists a deleted project as removed for each of its members, and for nobody else', async () => {
    const { alice, bob, eve } = t;
    const project = await newProject(alice, 'Short-lived');
    await alice.call(routes.projects.addMember, { ...byId(project.id), body: { username: bob.username } });
    const { version } = await sync(bob, 'projects');
    expect((await alice.call(routes.projects.remove, byId(project.id))).status).toBe(202);

    expect((await sync(alice, 'projects', version)).removed).toContain(project.id);
    const bobs = await sync(bob, 'projects', version);
    expect(bobs.removed).toContain(project.id);
    expect(bobs.ids).not.toContain(project.id);
    expect((await sync(eve, 'projects', version)).removed).not.toContain(project.id);
  });
});

describe('sync refusals', () => {
  it('answers 401 to a signed-out session', async () => {
    const user = await t.app.newUser();
    expect((await user.call(routes.auth.logoutEverywhere)).status).toBe(200);
    expectProblem(await user.call(routes.sync.tasks), 401);
    expectProblem(await t.app.client().get('/api/sync/projects'), 401);
  });

  it('answers 410 sync-expired to a version older than the tombstones kept', async () => {
    const expired = versionAt(Date.now() - RETENTION_MS - 60_000);
    const problem = expectProblem(await t.alice.call(routes.sync.notes, { query: { since: expired } }), 410);
    expect(problem.type).toBe('urn:panoramix:problem:sync-expired');
  });

  it.each(['not-a-version', 'ZZ', 'zzzzzzzzzzz', '!'])('answers 400 naming `since` to the version %j', async (since) => {
    const problem = expectProblem(await t.alice.api.get(`/api/sync/tasks?since=${encodeURIComponent(since)}`), 400);
    expect(problem.errors?.map((error) => error.path)).toContain('query.since');
  });
});

describe('sync tombstones', () => {
  it('are purged past the retention window by the hourly job, and kept within it', async () => {
    const old = await TombstoneModel.create({
      kind: 'tasks',
      itemId: new Types.ObjectId(),
      userIds: [t.alice.id],
      at: new Date(Date.now() - RETENTION_MS - 60_000),
    });
    const recent = await TombstoneModel.create({
      kind: 'tasks',
      itemId: new Types.ObjectId(),
      userIds: [t.alice.id],
      at: new Date(),
    });
    const purge = syncJobs.find((job) => job.name === PURGE_TOMBSTONES_JOB);
    expect(purge?.every).toBe('1 hour');
    await purge!.run({});
    expect(await TombstoneModel.exists({ _id: old._id })).toBeNull();
    expect(await TombstoneModel.exists({ _id: recent._id })).not.toBeNull();
  });
});

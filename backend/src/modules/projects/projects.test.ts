import { generateKeyBetween } from 'fractional-indexing';
import { routes } from '@panoramix/contracts';
import type { RouteBodyInput } from '@panoramix/contracts';
import type { Model } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byId, expectProblem, nextEvent, recordEvents, settle, startTestApp } from '../../../test/harness.ts';
import type { TestApp, TestUser } from '../../../test/harness.ts';
import { NoteLineModel, NoteSessionModel } from '../notes/sessions.model.ts';
import { NoteModel } from '../notes/model.ts';
import { TaskModel } from '../tasks/model.ts';
import { ProjectModel } from './model.ts';

let app: TestApp;
let owner: TestUser;
let member: TestUser;
let stranger: TestUser;
beforeAll(async () => {
  app = await startTestApp();
  [owner, member, stranger] = [await app.newUser(), await app.newUser(), await app.newUser()];
});
afterAll(() => app.close());

const newProject = async (user: TestUser, body: Partial<RouteBodyInput<typeof routes.projects.create>> = {}) => {
  const res = await user.call(routes.projects.create, { body: { name: 'Website', ...body } });
  expect(res.status).toBe(201);
  return res.body;
};
const update = (user: TestUser, id: string, body: RouteBodyInput<typeof routes.projects.update>) =>
  user.call(routes.projects.update, { ...byId(id), body });
const addMember = (user: TestUser, id: string, username: string) =>
  user.call(routes.projects.addMember, { ...byId(id), body: { username } });
const removeMember = (user: TestUser, id: string, userId: string) =>
  user.call(routes.projects.removeMember, { params: { id, userId } });

describe('projects', () => {
  it('creates a project owned by its creator, with Panorama fields and defaults', async () => {
    const project = await newProject(owner, {
      name: '  Launch  ',
      targetDate: '2026-12-31T00:00:00.000Z',
      healthFlag: 'orange',
      colorLabel: '#3366ff',
    });
    expect(project).toMatchObject({
      name: 'Launch',
      userId: owner.id,
      memberIds: [owner.id],
      healthFlag: 'orange',
      isFavorite: false,
      status: '',
    });
    const updated = await update(owner, project.id, { isFavorite: true, favoriteRank: 1, healthFlag: null });
    expect(updated.body).toMatchObject({ isFavorite: true, favoriteRank: 1, healthFlag: null });
  });

  it('refuses blank names and unknown health flags, naming the field', async () => {
    const blank = expectProblem(await owner.call(routes.projects.create, { body: { name: '   ' } }), 400);
    expect(blank.errors?.[0]?.path).toBe('body.name');
    // Sent raw: the contract's types have no 'blue'.
    const flag = expectProblem(await owner.api.post('/api/projects', { name: 'x', healthFlag: 'blue' }), 400);
    expect(flag.errors?.[0]?.path).toBe('body.healthFlag');
  });

  it('lists my projects in manual order, and only mine', async () => {
    const user = await app.newUser();
    const a = await newProject(user, { name: 'A' });
    const b = await newProject(user, { name: 'B' });
    await update(user, b.id, { rank: generateKeyBetween(null, a.rank) });
    const list = await user.call(routes.projects.list);
    expect(list.body.items.map((p) => p.id)).toEqual([b.id, a.id]);
    const strangers = await stranger.call(routes.projects.list);
    expect(strangers.body.items.map((p) => p.id)).not.toContain(a.id);
  });
});

describe('members', () => {
  it('the owner adds a member by username; the member reaches the project, a stranger does not', async () => {
    const project = await newProject(owner);
    const memberSocket = await app.socket(member.token);
    const added = nextEvent(memberSocket, 'project.updated');
    const res = await addMember(owner, project.id, member.username);
    expect(res.body.memberIds).toEqual([owner.id, member.id]);
    expect(res.body.members.map((m) => m.username)).toEqual([owner.username, member.username]);
    expect(res.body.members[1]).toEqual({
      id: member.id,
      username: member.username,
      displayName: expect.any(String),
      avatarFileId: null,
    });
    expect((await added).id).toBe(project.id);

    expect((await member.call(routes.projects.get, byId(project.id))).status).toBe(200);
    expect((await update(member, project.id, { status: 'review' })).body.status).toBe('review');
    expectProblem(await stranger.call(routes.projects.get, byId(project.id)), 404);
    expectProblem(await update(stranger, project.id, { name: 'x' }), 404);
    expectProblem(await stranger.call(routes.projects.remove, byId(project.id)), 404);
    expectProblem(await addMember(stranger, project.id, stranger.username), 404);
  });

  it('only the owner manages members and deletes; a member may leave; the owner may not', async () => {
    const project = await newProject(owner);
    await addMember(owner, project.id, member.username);
    expectProblem(await addMember(member, project.id, stranger.username), 403);
    expectProblem(await member.call(routes.projects.remove, byId(project.id)), 403);
    expectProblem(await removeMember(owner, project.id, owner.id), 409);
    expect(expectProblem(await addMember(owner, project.id, 'ghost_user'), 400).errors?.[0]?.path).toBe('body.username');

    const memberSocket = await app.socket(member.token);
    const gone = nextEvent(memberSocket, 'project.deleted');
    const left = await removeMember(member, project.id, member.id);
    expect(left.body.memberIds).toEqual([owner.id]);
    expect(await gone).toEqual({ id: project.id });
    expectProblem(await member.call(routes.projects.get, byId(project.id)), 404);
  });

  it('sends project events to members only', async () => {
    const strangerEvents = recordEvents(await app.socket(stranger.token));
    const ownerSocket = await app.socket(owner.token);
    const created = nextEvent(ownerSocket, 'project.created');
    const project = await newProject(owner, { name: 'Secret' });
    expect((await created).id).toBe(project.id);
    await update(owner, project.id, { name: 'Still secret' });
    await settle();
    expect(strangerEvents).toEqual([]);
  });
});

describe("the portfolio's manual status and order", () => {
  it('any member sets them, and the other members see it live; a stranger gets 404, changes nothing and hears nothing', async () => {
    const project = await newProject(owner, { name: 'Portfolio' });
    await addMember(owner, project.id, member.username);
    const ownerSocket = await app.socket(owner.token);
    const strangerEvents = recordEvents(await app.socket(stranger.token));

    const flagged = nextEvent(ownerSocket, 'project.updated');
    const [first] = (await member.call(routes.projects.list)).body.items;
    const rank = generateKeyBetween(null, first!.rank); // to the top of the member's list
    const res = await update(member, project.id, { healthFlag: 'red', rank });
    expect(res.body).toMatchObject({ healthFlag: 'red', rank });
    expect(await flagged).toMatchObject({ id: project.id, healthFlag: 'red', rank });

    expectProblem(await update(stranger, project.id, { healthFlag: 'green' }), 404);
    expectProblem(await update(stranger, project.id, { rank: generateKeyBetween(null, rank) }), 404);
    // Sent raw: the contract's types allow no such rank.
    const badRank = expectProblem(await member.api.patch(`/api/projects/${project.id}`, { rank: '' }), 400);
    expect(badRank.errors?.[0]?.path).toBe('body.rank');
    expect((await owner.call(routes.projects.get, byId(project.id))).body).toMatchObject({ healthFlag: 'red', rank });
    await settle();
    expect(strangerEvents).toEqual([]);
    // The order is the list's.
    expect((await member.call(routes.projects.list)).body.items[0]!.id).toBe(project.id);
  });
});

describe('deleting a project', () => {
  it('hides it at once and removes its tasks, notes, sessions and lines in a durable job', async () => {
    const project = await newProject(owner);
    const keep = await newProject(owner, { name: 'Keep' });
    await addMember(owner, project.id, member.username);
    const task = (await member.call(routes.tasks.create, { body: { title: 'Doomed', projectId: project.id } })).body;
    const kept = (await owner.call(routes.tasks.create, { body: { title: 'Survivor', projectId: keep.id } })).body;
    const note = (await owner.call(routes.notes.create, { body: { title: 'Doomed note', projectId: project.id } })).body;
    const session = (await owner.call(routes.noteSessions.create, { body: { projectId: project.id } })).body;
    const line = (await member.call(routes.noteLines.create, { body: { sessionId: session.id, content: 'first' } })).body;

    const memberSocket = await app.socket(member.token);
    const deletedEvent = nextEvent(memberSocket, 'project.deleted');
    const res = await owner.call(routes.projects.remove, byId(project.id));
    expect(res.status).toBe(202);
    expect(await deletedEvent).toEqual({ id: project.id });
    expectProblem(await owner.call(routes.projects.get, byId(project.id)), 404);
    expectProblem(await owner.call(routes.tasks.create, { body: { title: 'late', projectId: project.id } }), 400);

    // Hidden at once; gone from the database once the job has run.
    expectProblem(await member.call(routes.tasks.get, byId(task.id)), 404);
    const remaining = async () => {
      const count = (model: Model<any>, id: string) => model.countDocuments({ _id: id }).setOptions({ tenancy: 'system' });
      const counts = await Promise.all([
        count(ProjectModel, project.id),
        count(TaskModel, task.id),
        count(NoteModel, note.id),
        count(NoteSessionModel, session.id),
        count(NoteLineModel, line.id),
      ]);
      return counts.reduce((a, b) => a + b, 0);
    };
    await expect.poll(remaining, { timeout: 10_000 }).toBe(0);
    expect((await owner.call(routes.tasks.get, byId(kept.id))).status).toBe(200);
  });
});

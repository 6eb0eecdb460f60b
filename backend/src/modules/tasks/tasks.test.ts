import { routes } from '@panoramix/contracts';
import type { RouteBodyInput, RouteQueryInput } from '@panoramix/contracts';
import { generateKeyBetween } from 'fractional-indexing';
import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { byId, expectProblem, nextEvent, recordEvents, settle, useTeam } from '../../../test/harness.ts';
import type { TestUser } from '../../../test/harness.ts';
import { tasksExport } from './export.ts';
import { TaskModel } from './model.ts';

const t = useTeam();

const newTask = async (user: TestUser, body: RouteBodyInput<typeof routes.tasks.create>) => {
  const res = await user.call(routes.tasks.create, { body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
};
const listTasks = (user: TestUser, query?: RouteQueryInput<typeof routes.tasks.list>) => user.call(routes.tasks.list, { query });
const titles = (res: { body: { items: { title: string }[] } }) => res.body.items.map((task) => task.title);
const days = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();

describe('tasks: validation', () => {
  it.each([
    ['whitespace title', { title: '   ' }, 'body.title', 'must not be empty'],
    ['title too long', { title: 't'.repeat(501) }, 'body.title', 'at most 500'],
    ['unknown status', { title: 'x', status: 'someday' }, 'body.status', 'todo, in_progress, done, cancelled, idea'],
    ['non-ISO deadline', { title: 'x', deadline: 'tomorrow' }, 'body.deadline', ''],
  ])('%s → 400 naming %s', async (_case, body, path, message) => {
    // Sent raw: some of these bodies are what the contract's types forbid.
    const problem = expectProblem(await t.alice.api.post('/api/tasks', body), 400);
    expect(problem.errors?.[0]?.path).toBe(path);
    expect(problem.errors?.[0]?.message).toContain(message);
  });

  it('an id that is no project and another user’s project are the same 400 on projectId', async () => {
    const unknown = expectProblem(
      await t.alice.call(routes.tasks.create, { body: { title: 'x', projectId: '0123456789abcdef01234567' } }),
      400,
    );
    expect(unknown.errors?.[0]?.path).toBe('body.projectId');
    const others = expectProblem(await t.eve.call(routes.tasks.create, { body: { title: 'x', projectId: t.shared.id } }), 400);
    expect(others.errors?.[0]?.path).toBe('body.projectId');
  });
});

describe('tasks: life cycle', () => {
  it('puts new tasks on top, reorders by rank, and tracks status changes', async () => {
    const user = await t.app.newUser();
    const first = await newTask(user, { title: 'First' });
    const second = await newTask(user, { title: 'Second' });
    const update = (body: RouteBodyInput<typeof routes.tasks.update>) =>
      user.call(routes.tasks.update, { ...byId(first.id), body });
    expect(titles(await listTasks(user))).toEqual(['Second', 'First']);
    await update({ rank: generateKeyBetween(null, second.rank) }); // dragged above
    expect(titles(await listTasks(user))).toEqual(['First', 'Second']);

    const renamed = await update({ title: 'First!' });
    expect(renamed.body.statusChangedAt).toBe(first.statusChangedAt);
    const started = await update({ status: 'in_progress' });
    expect(started.body.statusChangedAt > first.statusChangedAt).toBe(true);
  });

  // Each list keeps the bound of its order keys (tasks/rank.ts): every way a rank gets into it lowers that bound.
  it.each(['project', 'inbox'] as const)(
    'a new task in the %s goes on top of tasks dragged to the top, given a rank, moved in alone or in bulk, or promoted',
    async (list) => {
      const user = await t.app.newUser();
      const project = (await user.call(routes.projects.create, { body: { name: 'P' } })).body;
      const other = (await user.call(routes.projects.create, { body: { name: 'Q' } })).body;
      const here = list === 'project' ? project.id : null;
      const elsewhere = list === 'project' ? null : other.id;
      const inList = async () => titles(await listTasks(user, { projectId: here ?? 'none' }));
      const add = (title: string, rank?: string) => newTask(user, { title, projectId: here, ...(rank ? { rank } : {}) });
      const rankAbove = (rank: string) => generateKeyBetween(null, rank);

      const first = await add('First');
      const second = await add('Second');
      await user.call(routes.tasks.update, { ...byId(first.id), body: { rank: rankAbove(second.rank) } });
      await add('Third');
      expect(await inList()).toEqual(['Third', 'First', 'Second']);

      const ranked = await add('Ranked', 'Y00');
      await add('Fourth');
      expect((await inList()).slice(0, 2)).toEqual(['Fourth', 'Ranked']);

      const alone = await newTask(user, { title: 'Moved alone', projectId: elsewhere });
      await user.call(routes.tasks.update, { ...byId(alone.id), body: { rank: rankAbove(ranked.rank) } });
      await user.call(routes.tasks.update, { ...byId(alone.id), body: { projectId: here } });
      const fifth = await add('Fifth');
      expect((await inList()).slice(0, 2)).toEqual(['Fifth', 'Moved alone']);

      const inBulk = await newTask(user, { title: 'Moved in bulk', projectId: elsewhere });
      await user.call(routes.tasks.update, { ...byId(inBulk.id), body: { rank: rankAbove(fifth.rank) } });
      await user.call(routes.tasks.bulkUpdate, { body: { ids: [inBulk.id], patch: { projectId: here } } });
      await add('Sixth');
      expect((await inList()).slice(0, 2)).toEqual(['Sixth', 'Moved in bulk']);

      await user.call(routes.tasks.promote, byId(second.id));
      await add('Seventh');
      expect((await inList()).slice(0, 2)).toEqual(['Seventh', 'Second']);
    },
  );

  it('moves tasks a hundred times into the same gap: the order holds, and the list pages by order key', async () => {
    const user = await t.app.newUser();
    const c = await newTask(user, { title: 'C' });
    const b = await newTask(user, { title: 'B' });
    const a = await newTask(user, { title: 'A' });
    expect(titles(await listTasks(user))).toEqual(['A', 'B', 'C']);
    // Each move lands right below A, above the task moved last: number midpoints ran out after about 40.
    let below = b.rank;
    for (let i = 0; i < 100; i++) {
      const task = i % 2 === 0 ? b : c;
      const res = await user.call(routes.tasks.update, { ...byId(task.id), body: { rank: generateKeyBetween(a.rank, below) } });
      expect(res.status).toBe(200);
      below = res.body.rank;
    }
    expect(titles(await listTasks(user))).toEqual(['A', 'C', 'B']); // C moved last
    const first = await listTasks(user, { limit: 2 });
    const rest = await listTasks(user, { limit: 2, cursor: first.body.nextCursor! });
    expect([...titles(first), ...titles(rest)]).toEqual(['A', 'C', 'B']);
  }, 60_000); // a hundred writes one after another: 7 s here, more on a loaded machine

  it('tasks added at the same moment get ranks of their own, newest on top, and one can go between them', async () => {
    const user = await t.app.newUser();
    const before = await newTask(user, { title: 'Before' });
    const added = [];
    for (const title of ['1', '2', '3', '4']) added.push(newTask(user, { title })); // all in flight at once
    const tasks = await Promise.all(added);
    expect(new Set(tasks.map((task) => task.rank)).size).toBe(4);
    // Which of the four is on top depends on who got there first: the oldest task goes between the first two.
    const [top, second] = (await listTasks(user)).body.items;
    const moved = await user.call(routes.tasks.update, {
      ...byId(before.id),
      body: { rank: generateKeyBetween(top!.rank, second!.rank) },
    });
    expect(moved.status).toBe(200);
    expect(titles(await listTasks(user)).slice(0, 3)).toEqual([top!.title, 'Before', second!.title]);
  });

  it('filters by project, status, overdue and due soon, and pages with a cursor', async () => {
    const user = await t.app.newUser();
    const project = (await user.call(routes.projects.create, { body: { name: 'P' } })).body;
    await newTask(user, { title: 'Late', deadline: days(-2) });
    await newTask(user, { title: 'Soon', deadline: days(2) });
    await newTask(user, { title: 'Later', deadline: days(30) });
    await newTask(user, { title: 'Done late', deadline: days(-2), status: 'done' });
    await newTask(user, { title: 'In project', projectId: project.id });

    expect(titles(await listTasks(user, { overdue: 'true' }))).toEqual(['Late']);
    expect(titles(await listTasks(user, { dueWithinDays: 7 }))).toEqual(['Soon']);
    expect(titles(await listTasks(user, { projectId: project.id }))).toEqual(['In project']);
    expect(titles(await listTasks(user, { status: 'done' }))).toEqual(['Done late']);
    expect(titles(await listTasks(user, { projectId: 'none', status: 'todo,in_progress' })).sort()).toEqual([
      'Late',
      'Later',
      'Soon',
    ]);

    const page1 = await listTasks(user, { limit: 2 });
    const page2 = await listTasks(user, { limit: 2, cursor: page1.body.nextCursor! });
    const page3 = await listTasks(user, { limit: 2, cursor: page2.body.nextCursor! });
    expect([...titles(page1), ...titles(page2), ...titles(page3)]).toHaveLength(5);
    expect(page3.body.nextCursor).toBeNull();
    expectProblem(await user.api.get('/api/tasks?status=someday'), 400); // raw: not a status
  });

  it('bulk completes only the tasks the caller may see', async () => {
    const a = await newTask(t.alice, { title: 'A' });
    const b = await newTask(t.alice, { title: 'B', projectId: t.shared.id });
    const private_ = await newTask(t.eve, { title: 'Eve only' });
    const res = await t.bob.call(routes.tasks.bulkComplete, { body: { ids: [a.id, b.id, private_.id] } });
    expect(res.body.updated.map((task) => task.id)).toEqual([b.id]); // Bob sees only the shared one
    expect((await t.alice.call(routes.tasks.get, byId(a.id))).body.status).toBe('todo');
    expect((await t.eve.call(routes.tasks.get, byId(private_.id))).body.status).toBe('todo');
  });

  it('open-task lists follow every status change, one by one or in bulk, and tasks stored before the open flag', async () => {
    const user = await t.app.newUser();
    const late = await newTask(user, { title: 'Late', deadline: days(-1), status: 'idea' });
    const overdue = async () => titles(await listTasks(user, { overdue: 'true' }));
    expect(await overdue()).toEqual([]);
    await user.call(routes.tasks.update, { ...byId(late.id), body: { status: 'todo' } });
    expect(await overdue()).toEqual(['Late']);
    await user.call(routes.tasks.bulkComplete, { body: { ids: [late.id] } });
    expect(await overdue()).toEqual([]);
    await user.call(routes.tasks.update, { ...byId(late.id), body: { status: 'in_progress' } });
    expect(await overdue()).toEqual(['Late']);

    // As written by a version without the flag, or restored from its archive: the start-up upgrade sets it.
    await TaskModel.collection.updateOne({ _id: new Types.ObjectId(late.id) }, { $unset: { open: '' } });
    expect(await overdue()).toEqual([]);
    await tasksExport.upgrade!('start');
    expect(await overdue()).toEqual(['Late']);
    expect((await user.call(routes.dashboard.get, { query: {} })).body.overdueTasks.map((task) => task.id)).toEqual([late.id]);
  });

  it('moving a task to another project keeps its id and history', async () => {
    const other = (await t.alice.call(routes.projects.create, { body: { name: 'Other' } })).body;
    const task = await newTask(t.alice, { title: 'Mover', projectId: t.shared.id, status: 'in_progress' });
    const moved = await t.alice.call(routes.tasks.update, { ...byId(task.id), body: { projectId: other.id } });
    expect(moved.body).toMatchObject({
      id: task.id,
      projectId: other.id,
      createdAt: task.createdAt,
      statusChangedAt: task.statusChangedAt,
    });
  });
});

describe('tasks: who sees what', () => {
  it('inbox tasks are private; project tasks reach every member; strangers get 404 everywhere', async () => {
    const inbox = await newTask(t.alice, { title: 'Mine' });
    const team = await newTask(t.alice, { title: 'Ours', projectId: t.shared.id });
    expectProblem(await t.bob.call(routes.tasks.get, byId(inbox.id)), 404);
    expect((await t.bob.call(routes.tasks.get, byId(team.id))).status).toBe(200);
    const urgent = await t.bob.call(routes.tasks.update, { ...byId(team.id), body: { isUrgent: true } });
    expect(urgent.body.isUrgent).toBe(true);
    for (const id of [inbox.id, team.id]) {
      expectProblem(await t.eve.call(routes.tasks.get, byId(id)), 404);
      expectProblem(await t.eve.call(routes.tasks.update, { ...byId(id), body: { title: 'hijack' } }), 404);
      expectProblem(await t.eve.call(routes.tasks.remove, byId(id)), 404);
    }
    expect(titles(await listTasks(t.eve))).not.toContain('Ours');
    expectProblem(await listTasks(t.eve, { projectId: t.shared.id }), 404);
  });

  it('events reach the project members, not strangers; a move out tells those who lose sight', async () => {
    const bobSocket = await t.app.socket(t.bob.token);
    const eveEvents = recordEvents(await t.app.socket(t.eve.token));
    const created = nextEvent(bobSocket, 'task.created');
    const task = await newTask(t.alice, { title: 'Live', projectId: t.shared.id });
    expect((await created).id).toBe(task.id);

    const solo = (await t.alice.call(routes.projects.create, { body: { name: 'Solo' } })).body;
    const lost = nextEvent(bobSocket, 'task.deleted');
    await t.alice.call(routes.tasks.update, { ...byId(task.id), body: { projectId: solo.id } });
    expect(await lost).toEqual({ id: task.id, projectId: t.shared.id });
    expectProblem(await t.bob.call(routes.tasks.get, byId(task.id)), 404);
    await settle();
    expect(eveEvents).toEqual([]);
  });
});

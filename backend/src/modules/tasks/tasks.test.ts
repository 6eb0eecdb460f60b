import { describe, expect, it } from 'vitest';
import { expectProblem, nextEvent, recordEvents, settle, useTeam } from '../../../test/harness.ts';
import type { TestUser } from '../../../test/harness.ts';

const t = useTeam();

type TaskBody = {
  id: string;
  title: string;
  status: string;
  rank: number;
  statusChangedAt: string;
  createdAt: string;
  projectId: string | null;
};
const newTask = async (user: TestUser, body: Record<string, unknown>) => {
  const res = await user.api.post('/api/tasks', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as TaskBody;
};
const titles = (res: { body: { items: { title: string }[] } }) => res.body.items.map((task) => task.title);
const days = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();

describe('tasks: validation', () => {
  it.each([
    ['whitespace title', { title: '   ' }, 'body.title', 'must not be empty'],
    ['title too long', { title: 't'.repeat(501) }, 'body.title', 'at most 500'],
    ['unknown status', { title: 'x', status: 'someday' }, 'body.status', 'todo, in_progress, done, cancelled, idea'],
    ['non-ISO deadline', { title: 'x', deadline: 'tomorrow' }, 'body.deadline', ''],
  ])('%s → 400 naming %s', async (_case, body, path, message) => {
    const problem = expectProblem(await t.alice.api.post('/api/tasks', body), 400);
    expect(problem.errors?.[0]?.path).toBe(path);
    expect(problem.errors?.[0]?.message).toContain(message);
  });

  it('an id that is no project and another user’s project are the same 400 on projectId', async () => {
    const unknown = expectProblem(
      await t.alice.api.post('/api/tasks', { title: 'x', projectId: '0123456789abcdef01234567' }),
      400,
    );
    expect(unknown.errors?.[0]?.path).toBe('body.projectId');
    const others = expectProblem(await t.eve.api.post('/api/tasks', { title: 'x', projectId: t.shared.id }), 400);
    expect(others.errors?.[0]?.path).toBe('body.projectId');
  });
});

describe('tasks: life cycle', () => {
  it('puts new tasks on top, reorders by rank, and tracks status changes', async () => {
    const user = await t.app.newUser();
    const first = await newTask(user, { title: 'First' });
    const second = await newTask(user, { title: 'Second' });
    expect(titles(await user.api.get('/api/tasks'))).toEqual(['Second', 'First']);
    await user.api.patch(`/api/tasks/${first.id}`, { rank: second.rank - 1 }); // dragged above
    expect(titles(await user.api.get('/api/tasks'))).toEqual(['First', 'Second']);

    const renamed = await user.api.patch(`/api/tasks/${first.id}`, { title: 'First!' });
    expect(renamed.body.statusChangedAt).toBe(first.statusChangedAt);
    const started = await user.api.patch(`/api/tasks/${first.id}`, { status: 'in_progress' });
    expect(started.body.statusChangedAt > first.statusChangedAt).toBe(true);
  });

  it('filters by project, status, overdue and due soon, and pages with a cursor', async () => {
    const user = await t.app.newUser();
    const project = (await user.api.post('/api/projects', { name: 'P' })).body;
    await newTask(user, { title: 'Late', deadline: days(-2) });
    await newTask(user, { title: 'Soon', deadline: days(2) });
    await newTask(user, { title: 'Later', deadline: days(30) });
    await newTask(user, { title: 'Done late', deadline: days(-2), status: 'done' });
    await newTask(user, { title: 'In project', projectId: project.id });

    expect(titles(await user.api.get('/api/tasks?overdue=true'))).toEqual(['Late']);
    expect(titles(await user.api.get('/api/tasks?dueWithinDays=7'))).toEqual(['Soon']);
    expect(titles(await user.api.get(`/api/tasks?projectId=${project.id}`))).toEqual(['In project']);
    expect(titles(await user.api.get('/api/tasks?status=done'))).toEqual(['Done late']);
    expect(titles(await user.api.get('/api/tasks?projectId=none&status=todo,in_progress')).sort()).toEqual([
      'Late',
      'Later',
      'Soon',
    ]);

    const page1 = await user.api.get('/api/tasks?limit=2');
    const page2 = await user.api.get(`/api/tasks?limit=2&cursor=${page1.body.nextCursor}`);
    const page3 = await user.api.get(`/api/tasks?limit=2&cursor=${page2.body.nextCursor}`);
    expect([...titles(page1), ...titles(page2), ...titles(page3)]).toHaveLength(5);
    expect(page3.body.nextCursor).toBeNull();
    expectProblem(await user.api.get('/api/tasks?status=someday'), 400);
  });

  it('bulk completes only the tasks the caller may see', async () => {
    const a = await newTask(t.alice, { title: 'A' });
    const b = await newTask(t.alice, { title: 'B', projectId: t.shared.id });
    const private_ = await newTask(t.eve, { title: 'Eve only' });
    const res = await t.bob.api.post('/api/tasks/bulk-complete', { ids: [a.id, b.id, private_.id] });
    expect(res.body.updated.map((task: TaskBody) => task.id)).toEqual([b.id]); // Bob sees only the shared one
    expect((await t.alice.api.get(`/api/tasks/${a.id}`)).body.status).toBe('todo');
    expect((await t.eve.api.get(`/api/tasks/${private_.id}`)).body.status).toBe('todo');
  });

  it('moving a task to another project keeps its id and history', async () => {
    const other = (await t.alice.api.post('/api/projects', { name: 'Other' })).body;
    const task = await newTask(t.alice, { title: 'Mover', projectId: t.shared.id, status: 'in_progress' });
    const moved = await t.alice.api.patch(`/api/tasks/${task.id}`, { projectId: other.id });
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
    expectProblem(await t.bob.api.get(`/api/tasks/${inbox.id}`), 404);
    expect((await t.bob.api.get(`/api/tasks/${team.id}`)).status).toBe(200);
    expect((await t.bob.api.patch(`/api/tasks/${team.id}`, { isUrgent: true })).body.isUrgent).toBe(true);
    for (const id of [inbox.id, team.id]) {
      expectProblem(await t.eve.api.get(`/api/tasks/${id}`), 404);
      expectProblem(await t.eve.api.patch(`/api/tasks/${id}`, { title: 'hijack' }), 404);
      expectProblem(await t.eve.api.delete(`/api/tasks/${id}`), 404);
    }
    expect(titles(await t.eve.api.get('/api/tasks'))).not.toContain('Ours');
    expectProblem(await t.eve.api.get(`/api/tasks?projectId=${t.shared.id}`), 404);
  });

  it('events reach the project members, not strangers; a move out tells those who lose sight', async () => {
    const bobSocket = await t.app.socket(t.bob.token);
    const eveEvents = recordEvents(await t.app.socket(t.eve.token));
    const created = nextEvent(bobSocket, 'task.created');
    const task = await newTask(t.alice, { title: 'Live', projectId: t.shared.id });
    expect((await created).id).toBe(task.id);

    const solo = (await t.alice.api.post('/api/projects', { name: 'Solo' })).body;
    const lost = nextEvent(bobSocket, 'task.deleted');
    await t.alice.api.patch(`/api/tasks/${task.id}`, { projectId: solo.id });
    expect(await lost).toEqual({ id: task.id, projectId: t.shared.id });
    expectProblem(await t.bob.api.get(`/api/tasks/${task.id}`), 404);
    await settle();
    expect(eveEvents).toEqual([]);
  });
});

import { routes } from '@panoramix/contracts';
import type { RouteBodyInput, Task } from '@panoramix/contracts';
import { describe, expect, it } from 'vitest';
import { byId, expectProblem, nextEvent, recordEvents, settle, useTeam } from '../../../test/harness.ts';
import type { TestUser } from '../../../test/harness.ts';

const t = useTeam();

const newTask = async (user: TestUser, body: RouteBodyInput<typeof routes.tasks.create>) => {
  const res = await user.call(routes.tasks.create, { body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
};
const read = async (user: TestUser, task: Task) => (await user.call(routes.tasks.get, byId(task.id))).body;
const listed = async (user: TestUser, projectId: string) =>
  (await user.call(routes.tasks.list, { query: { projectId, status: 'todo,in_progress' } })).body.items.map((x) => x.title);

describe('tasks: assignee', () => {
  it('is a member of the task’s project, else a 400 naming assigneeId; in the inbox only its creator', async () => {
    const task = await newTask(t.alice, { title: 'Assign me', projectId: t.shared.id, assigneeId: t.bob.id });
    expect(task.assigneeId).toBe(t.bob.id);
    const refused = expectProblem(
      await t.alice.call(routes.tasks.update, { ...byId(task.id), body: { assigneeId: t.eve.id } }),
      400,
    );
    expect(refused.errors).toEqual([{ path: 'body.assigneeId', message: "must be a member of the task's project" }]);
    expect((await read(t.alice, task)).assigneeId).toBe(t.bob.id); // nothing written
    const inbox = expectProblem(await t.alice.call(routes.tasks.create, { body: { title: 'x', assigneeId: t.bob.id } }), 400);
    expect(inbox.errors?.[0]?.path).toBe('body.assigneeId');
    expect((await newTask(t.alice, { title: 'Mine', assigneeId: t.alice.id })).assigneeId).toBe(t.alice.id);
  });

  it('a move to a project the assignee is not in clears the assignment; estimate and actual are kept', async () => {
    const solo = (await t.alice.call(routes.projects.create, { body: { name: 'Solo' } })).body;
    const task = await newTask(t.alice, { title: 'Estimated', projectId: t.shared.id, assigneeId: t.bob.id, estimate: 3 });
    const moved = await t.alice.call(routes.tasks.update, { ...byId(task.id), body: { projectId: solo.id, actual: 4.5 } });
    expect(moved.body).toMatchObject({ projectId: solo.id, assigneeId: null, estimate: 3, actual: 4.5 });
    expectProblem(await t.alice.call(routes.tasks.update, { ...byId(task.id), body: { estimate: -1 } }), 400);
  });

  it('lists the tasks assigned to someone', async () => {
    const mine = await newTask(t.bob, { title: 'For Bob', projectId: t.shared.id, assigneeId: t.bob.id });
    await newTask(t.bob, { title: 'For nobody', projectId: t.shared.id });
    const res = await t.alice.call(routes.tasks.list, { query: { assigneeId: t.bob.id } });
    expect(res.body.items.map((task) => task.id)).toContain(mine.id);
    expect(res.body.items.every((task) => task.assigneeId === t.bob.id)).toBe(true);
  });
});

describe('tasks: bulk actions', () => {
  it('change status, deadline, flags and tags of every selected task in one request, one event each', async () => {
    const a = await newTask(t.alice, { title: 'A', projectId: t.shared.id, tags: ['Keep', 'old'] });
    const b = await newTask(t.alice, { title: 'B', status: 'in_progress' });
    const bobSocket = await t.app.socket(t.bob.token);
    const bobEvents = recordEvents(bobSocket);
    const deadline = new Date(Date.now() + 86_400_000).toISOString();
    const res = await t.alice.call(routes.tasks.bulkUpdate, {
      body: {
        ids: [a.id, b.id],
        patch: { status: 'in_progress', deadline, isUrgent: true, addTags: ['new', 'KEEP'], removeTags: ['OLD'] },
      },
    });
    expect(res.status).toBe(200);
    const [afterA, afterB] = [await read(t.alice, a), await read(t.alice, b)];
    expect(afterA).toMatchObject({ status: 'in_progress', deadline, isUrgent: true, tags: ['Keep', 'new'] });
    expect(afterA.statusChangedAt > a.statusChangedAt).toBe(true);
    expect(afterB).toMatchObject({ status: 'in_progress', deadline, isUrgent: true, tags: ['new', 'KEEP'] });
    expect(afterB.statusChangedAt).toBe(b.statusChangedAt); // its status did not change
    await expect.poll(() => bobEvents.filter((e) => e.type === 'task.updated').map((e) => e.data.id)).toEqual([a.id]);
  });

  it('move to another project or the inbox; members who lose sight are told, the assignee outside is cleared', async () => {
    const solo = (await t.alice.call(routes.projects.create, { body: { name: 'Elsewhere' } })).body;
    const a = await newTask(t.alice, { title: 'Move A', projectId: t.shared.id, assigneeId: t.bob.id });
    const b = await newTask(t.alice, { title: 'Move B' });
    const there = await newTask(t.alice, { title: 'Already there', projectId: solo.id });
    const bobSocket = await t.app.socket(t.bob.token);
    const gone = nextEvent(bobSocket, 'task.deleted');
    const res = await t.alice.call(routes.tasks.bulkUpdate, {
      body: { ids: [a.id, b.id, there.id], patch: { projectId: solo.id } },
    });
    expect(res.body.updated.map((task) => task.id)).not.toContain(there.id); // unchanged: not written, not announced
    expect(res.body.updated.map((task) => [task.id, task.projectId, task.assigneeId])).toEqual(
      expect.arrayContaining([
        [a.id, solo.id, null],
        [b.id, solo.id, null],
      ]),
    );
    expect(await gone).toEqual({ id: a.id, projectId: t.shared.id });
    const inbox = await t.alice.call(routes.tasks.bulkUpdate, { body: { ids: [a.id], patch: { projectId: null } } });
    expect(inbox.body.updated[0]?.projectId).toBeNull();
  });

  it('a selection with a task the caller cannot see is refused whole: 404, nothing written, no event', async () => {
    const ours = await newTask(t.alice, { title: 'Ours', projectId: t.shared.id });
    const private_ = await newTask(t.alice, { title: 'Alice only' });
    const aliceEvents = recordEvents(await t.app.socket(t.alice.token));
    for (const res of [
      await t.bob.call(routes.tasks.bulkUpdate, { body: { ids: [ours.id, private_.id], patch: { status: 'done' } } }),
      await t.bob.call(routes.tasks.bulkDelete, { body: { ids: [ours.id, private_.id] } }),
      await t.eve.call(routes.tasks.bulkUpdate, { body: { ids: [ours.id], patch: { isImportant: true } } }),
    ]) {
      expectProblem(res, 404);
    }
    expect(await read(t.alice, ours)).toEqual(ours);
    expect(await read(t.alice, private_)).toEqual(private_);
    await settle();
    expect(aliceEvents).toEqual([]);
  });

  it('refuses a bad patch whole: an assignee outside a project, a project not mine, an empty patch', async () => {
    const a = await newTask(t.alice, { title: 'Checked', projectId: t.shared.id });
    const b = await newTask(t.alice, { title: 'Inbox' });
    const outsider = expectProblem(
      await t.alice.call(routes.tasks.bulkUpdate, {
        body: { ids: [a.id, b.id], patch: { assigneeId: t.bob.id, isUrgent: true } },
      }),
      400,
    );
    expect(outsider.errors?.[0]?.path).toBe('body.patch.assigneeId'); // Bob is no member of Alice's inbox
    expect((await read(t.alice, a)).isUrgent).toBe(false);
    const eveProject = (await t.eve.call(routes.projects.create, { body: { name: 'Eve' } })).body;
    const notMine = expectProblem(
      await t.alice.call(routes.tasks.bulkUpdate, { body: { ids: [a.id], patch: { projectId: eveProject.id } } }),
      400,
    );
    expect(notMine.errors?.[0]?.path).toBe('body.patch.projectId');
    expectProblem(await t.alice.api.post('/api/tasks/bulk-update', { ids: [a.id], patch: {} }), 400);
    expectProblem(await t.alice.api.post('/api/tasks/bulk-update', { ids: [], patch: { isUrgent: true } }), 400);
  });

  it('delete with undo: the same tasks come back with their ids, for every member', async () => {
    const a = await newTask(t.alice, { title: 'Undo A', projectId: t.shared.id, tags: ['x'] });
    const b = await newTask(t.alice, { title: 'Undo B', projectId: t.shared.id });
    const bobSocket = await t.app.socket(t.bob.token);
    const bobEvents = recordEvents(bobSocket);
    const deleted = await t.alice.call(routes.tasks.bulkDelete, { body: { ids: [a.id, b.id] } });
    expect(deleted.body.deleted.map((x) => x.id).sort()).toEqual([a.id, b.id].sort());
    expectProblem(await t.bob.call(routes.tasks.get, byId(a.id)), 404);
    // Only who deleted them may restore them.
    expectProblem(await t.bob.call(routes.tasks.restore, { body: { ids: [a.id] } }), 404);
    const restored = await t.alice.call(routes.tasks.restore, { body: { ids: [a.id, b.id] } });
    expect(restored.body.restored.map((x) => x.id).sort()).toEqual([a.id, b.id].sort());
    const back = await read(t.bob, a);
    expect(back).toMatchObject({ id: a.id, rank: a.rank, tags: ['x'], createdAt: a.createdAt });
    expect(back.updatedAt > a.updatedAt).toBe(true); // newer than the deletion: replicas take it back
    await expect
      .poll(() => bobEvents.map((e) => e.type).sort())
      .toEqual(['task.created', 'task.created', 'task.deleted', 'task.deleted']);
    expectProblem(await t.alice.call(routes.tasks.restore, { body: { ids: [a.id] } }), 404); // restored once
  });

  it('a single delete is undone the same way', async () => {
    const task = await newTask(t.alice, { title: 'One' });
    await t.alice.call(routes.tasks.remove, byId(task.id));
    const restored = await t.alice.call(routes.tasks.restore, { body: { ids: [task.id] } });
    expect(restored.body.restored).toEqual([{ ...task, updatedAt: restored.body.restored[0]!.updatedAt }]);
  });
});

describe('tasks: promote to top', () => {
  it('re-sorts the open tasks of its list by deadline (none last), in progress first, the promoted one first among equals', async () => {
    const project = (await t.alice.call(routes.projects.create, { body: { name: 'Promote' } })).body;
    const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();
    const make = (title: string, extra: Partial<RouteBodyInput<typeof routes.tasks.create>> = {}) =>
      newTask(t.alice, { title, projectId: project.id, ...extra });
    // Created in this order, so listed newest first: Plain 2, Plain 1, Started, Due later, Due soon, Done.
    await make('Done', { status: 'done', deadline: inDays(0) });
    await make('Due soon', { deadline: inDays(1) });
    await make('Due later', { deadline: inDays(5) });
    await make('Started', { status: 'in_progress' });
    const plain1 = await make('Plain 1');
    await make('Plain 2');
    const res = await t.alice.call(routes.tasks.promote, byId(plain1.id));
    expect(res.status).toBe(200);
    expect(await listed(t.alice, project.id)).toEqual(['Due soon', 'Due later', 'Started', 'Plain 1', 'Plain 2']);
    // Sorted already: a second promote moves only the promoted task.
    const plain2 = (await t.alice.call(routes.tasks.list, { query: { projectId: project.id } })).body.items.find(
      (task) => task.title === 'Plain 2',
    )!;
    const again = await t.alice.call(routes.tasks.promote, byId(plain2.id));
    expect(again.body.updated.map((task) => task.title)).toEqual(['Plain 2']);
    expect((await listed(t.alice, project.id)).slice(3)).toEqual(['Plain 2', 'Plain 1']);
    expectProblem(await t.eve.call(routes.tasks.promote, byId(plain2.id)), 404);
  });
});

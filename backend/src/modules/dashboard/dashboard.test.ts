import { routes } from '@panoramix/contracts';
import type { RouteBodyInput } from '@panoramix/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, startTestApp } from '../../../test/harness.ts';
import type { TestApp, TestUser } from '../../../test/harness.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const days = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();

describe('dashboard', () => {
  let user: TestUser;
  let project: { id: string };

  beforeAll(async () => {
    user = await app.newUser();
    project = (await user.call(routes.projects.create, { body: { name: 'Portfolio', healthFlag: 'green' } })).body;
    const add = (body: RouteBodyInput<typeof routes.tasks.create>) => user.call(routes.tasks.create, { body });
    await add({ title: 'Overdue in project', projectId: project.id, deadline: days(-1) });
    await add({ title: 'Due soon', deadline: days(1) });
    await add({ title: 'Idea', status: 'idea' });
    const done = (await add({ title: 'Shipped', projectId: project.id })).body;
    await user.call(routes.tasks.update, { params: { id: done.id }, body: { status: 'done' } });
    await user.call(routes.notes.create, { body: { title: 'Kick-off notes', projectId: project.id } });
  });

  it('computes counts, overdue and due-soon tasks, recent notes, project health and activity in one call', async () => {
    const res = await user.call(routes.dashboard.get, { query: { window: '24h' } });
    expect(res.status).toBe(200);
    const d = res.body;
    expect(d.taskCounts).toEqual({ todo: 2, in_progress: 0, done: 1, cancelled: 0, idea: 1 });
    expect(d.overdueTasks.map((t) => t.title)).toEqual(['Overdue in project']);
    expect(d.dueSoonTasks.map((t) => t.title)).toEqual(['Due soon']);
    expect(d.recentNotes.map((n) => n.title)).toEqual(['Kick-off notes']);
    expect(d.projects).toEqual([
      expect.objectContaining({
        id: project.id,
        open: 1,
        done: 1,
        overdue: 1,
        dueSoon: 0,
        progress: 0.5,
        healthFlag: 'green',
        healthScore: 94,
      }),
    ]);
    const kinds = d.activity.map((a) => `${a.kind}:${a.title}`);
    expect(kinds).toEqual(
      expect.arrayContaining(['project.created:Portfolio', 'task.done:Shipped', 'note.created:Kick-off notes']),
    );
    expect(kinds).toHaveLength(3);
  });

  it('changes as work is done', async () => {
    const overdue = (await user.call(routes.dashboard.get)).body.overdueTasks[0]!;
    await user.call(routes.tasks.update, { params: { id: overdue.id }, body: { status: 'done' } });
    const d = (await user.call(routes.dashboard.get)).body;
    expect(d.taskCounts.done).toBe(2);
    expect(d.overdueTasks).toEqual([]);
    expect(d.projects[0]).toMatchObject({ open: 0, done: 2, overdue: 0, progress: 1 });
  });

  it("shows nothing of other users' work", async () => {
    const stranger = await app.newUser();
    const d = (await stranger.call(routes.dashboard.get)).body;
    expect(d.taskCounts).toEqual({ todo: 0, in_progress: 0, done: 0, cancelled: 0, idea: 0 });
    expect([d.overdueTasks, d.dueSoonTasks, d.recentNotes, d.projects, d.activity]).toEqual([[], [], [], [], []]);
    expectProblem(await stranger.api.get('/api/dashboard?window=1y'), 400);
  });
});

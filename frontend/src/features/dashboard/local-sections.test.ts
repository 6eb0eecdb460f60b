import { afterEach, describe, expect, it } from 'vitest';
import { aNoteSummary, aProject, aTask } from '../../test-builders.ts';
import { localDashboard } from './local-dashboard.ts';
import { activity, dueSoonTasks, overdueTasks, recentNotes, taskCounts } from './local-sections.ts';

const now = new Date('2026-11-26T10:00:00.000Z');
const at = (ms: number) => new Date(now.getTime() + ms).toISOString();
const days = (n: number) => at(n * 86_400_000);
const titles = (items: readonly { title: string }[]) => items.map((item) => item.title);

describe('local dashboard', () => {
  it('answers what the server answers for the same workspace (backend dashboard.test.ts)', () => {
    const project = aProject({ name: 'Portfolio', healthFlag: 'green', createdAt: days(-0.5) });
    const tasks = [
      aTask({ title: 'Overdue in project', projectId: project.id, deadline: days(-1) }),
      aTask({ title: 'Due soon', deadline: days(1) }),
      aTask({ title: 'Idea', status: 'idea' }),
      aTask({ title: 'Shipped', projectId: project.id, status: 'done', statusChangedAt: days(-0.1) }),
    ];
    const notes = [aNoteSummary({ title: 'Kick-off notes', projectId: project.id, createdAt: days(-0.2) })];
    const d = localDashboard({ projects: [project], tasks, notes, noteSessions: [] }, '24h', now);
    expect(d.taskCounts).toEqual({ todo: 2, in_progress: 0, done: 1, cancelled: 0, idea: 1 });
    expect(titles(d.overdueTasks)).toEqual(['Overdue in project']);
    expect(titles(d.dueSoonTasks)).toEqual(['Due soon']);
    expect(titles(d.recentNotes)).toEqual(['Kick-off notes']);
    expect(d.projects).toEqual([
      expect.objectContaining({ id: project.id, open: 1, done: 1, overdue: 1, dueSoon: 0, progress: 0.5, healthScore: 94 }),
    ]);
    expect(d.activity.map((a) => `${a.kind}:${a.title}`)).toEqual([
      'task.done:Shipped',
      'note.created:Kick-off notes',
      'project.created:Portfolio',
    ]);
    expect(d).toMatchObject({ window: '24h', generatedAt: now.toISOString() });
  });

  it('counts every task per status, every status present', () => {
    expect(taskCounts([])).toEqual({ todo: 0, in_progress: 0, done: 0, cancelled: 0, idea: 0 });
    const counts = taskCounts([
      aTask({ status: 'in_progress' }),
      aTask({ status: 'in_progress' }),
      aTask({ status: 'cancelled' }),
    ]);
    expect(counts).toEqual({ todo: 0, in_progress: 2, done: 0, cancelled: 1, idea: 0 });
  });
});

describe('overdue and due-soon tasks', () => {
  const originalZone = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalZone;
  });

  const boundaries = () => {
    const tasks = [
      aTask({ title: 'a millisecond late', deadline: at(-1) }),
      aTask({ title: 'due now', deadline: at(0) }),
      aTask({ title: 'due in exactly 3 days', deadline: days(3) }),
      aTask({ title: 'a millisecond past 3 days', deadline: at(3 * 86_400_000 + 1) }),
      aTask({ title: 'in progress, late', status: 'in_progress', deadline: days(-2) }),
      aTask({ title: 'done, late', status: 'done', deadline: days(-2) }),
      aTask({ title: 'cancelled, late', status: 'cancelled', deadline: days(-2) }),
      aTask({ title: 'idea, late', status: 'idea', deadline: days(-2) }),
      aTask({ title: 'no deadline' }),
    ];
    return { overdue: titles(overdueTasks(tasks, now)), dueSoon: titles(dueSoonTasks(tasks, now)) };
  };

  it('takes open tasks only, late before now, soon from now to 3 days ahead both included', () => {
    expect(boundaries()).toEqual({
      overdue: ['in progress, late', 'a millisecond late'],
      dueSoon: ['due now', 'due in exactly 3 days'],
    });
  });

  it('uses a rolling window of instants, the same in every time zone (as the server, which knows none)', () => {
    process.env.TZ = 'Pacific/Kiritimati'; // UTC+14
    const east = boundaries();
    process.env.TZ = 'America/Adak'; // UTC−10 (−9 in summer)
    expect(boundaries()).toEqual(east);
  });

  it('lists the 20 earliest deadlines, ties in id order', () => {
    const sameDeadline = [aTask({ title: 'tie 1', deadline: days(-30) }), aTask({ title: 'tie 2', deadline: days(-30) })];
    const late = Array.from({ length: 25 }, (_, i) => aTask({ title: `late ${i}`, deadline: days(-1 - i) }));
    const listed = titles(overdueTasks([...late, sameDeadline[1]!, sameDeadline[0]!], now));
    expect(listed).toHaveLength(20);
    expect(listed.slice(0, 3)).toEqual(['tie 1', 'tie 2', 'late 24']);
    expect(listed.at(-1)).toBe('late 7');
  });
});

describe('recent notes', () => {
  it('shows the 8 last edited, ties by newer id first, without content', () => {
    const notes = Array.from({ length: 10 }, (_, i) => aNoteSummary({ title: `n${i}`, updatedAt: days(-i) }));
    const tie = aNoteSummary({ title: 'tie, newer id', updatedAt: days(-1) });
    const listed = recentNotes([...notes, tie]);
    expect(titles(listed)).toEqual(['n0', 'tie, newer id', 'n1', 'n2', 'n3', 'n4', 'n5', 'n6']);
    expect(Object.keys(listed[0]!).sort()).toEqual(['id', 'projectId', 'title', 'updatedAt']);
  });
});

describe('activity', () => {
  it('keeps what happened since the window start: projects created, tasks done, notes written; newest first', () => {
    const since = new Date(now.getTime() - 86_400_000);
    const source = {
      projects: [
        aProject({ name: 'old project', createdAt: days(-3) }),
        aProject({ name: 'new project', createdAt: days(-0.9) }),
      ],
      tasks: [
        aTask({ title: 'done today', status: 'done', statusChangedAt: days(-0.5), createdAt: days(-10) }),
        aTask({ title: 'done last week', status: 'done', statusChangedAt: days(-2) }),
        aTask({ title: 'started today', status: 'in_progress', statusChangedAt: days(-0.1) }),
      ],
      notes: [
        aNoteSummary({ title: 'written today', createdAt: days(-0.2) }),
        aNoteSummary({ title: 'edited today', createdAt: days(-5), updatedAt: days(-0.1) }),
      ],
    };
    expect(titles(activity(source, since))).toEqual(['written today', 'done today', 'new project']);
    expect(titles(activity(source, new Date(now.getTime() - 7 * 86_400_000)))).toHaveLength(6);
  });

  it('shows the 50 newest items', () => {
    const tasks = Array.from({ length: 60 }, (_, i) => aTask({ title: `t${i}`, status: 'done', statusChangedAt: at(-i * 1000) }));
    const listed = titles(activity({ projects: [], tasks, notes: [] }, new Date(now.getTime() - 86_400_000)));
    expect(listed).toHaveLength(50);
    expect([listed[0], listed.at(-1)]).toEqual(['t0', 't49']);
  });
});

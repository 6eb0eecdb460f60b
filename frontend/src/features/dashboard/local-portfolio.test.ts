import { describe, expect, it } from 'vitest';
import { aNoteSession, aNoteSummary, aProject, aTask } from '../../test-builders.ts';
import { portfolio } from './local-portfolio.ts';
import type { PortfolioSource } from './local-portfolio.ts';

const now = new Date('2026-11-26T10:00:00.000Z');
const days = (n: number) => new Date(now.getTime() + n * 86_400_000).toISOString();
const source = (parts: Partial<PortfolioSource>): PortfolioSource => ({
  projects: [],
  tasks: [],
  notes: [],
  noteSessions: [],
  ...parts,
});

describe('local portfolio', () => {
  it('lists projects in manual order (rank, then id), at most 100', () => {
    const projects = Array.from({ length: 101 }, (_, i) =>
      aProject({ name: `p${i}`, rank: `b${String(100 - i).padStart(3, '0')}` }),
    );
    const tie = aProject({ name: 'tie', rank: projects[100]!.rank });
    const listed = portfolio(source({ projects: [...projects, tie] }), now).map((p) => p.name);
    expect(listed).toHaveLength(100);
    expect(listed.slice(0, 3)).toEqual(['p100', 'tie', 'p99']);
  });

  it("counts each project's open, done, overdue and due-soon tasks, and its progress", () => {
    const [project, other] = [aProject(), aProject()];
    const tasks = [
      aTask({ projectId: project.id, deadline: days(-1) }),
      aTask({ projectId: project.id, status: 'in_progress', deadline: days(2) }),
      aTask({ projectId: project.id, status: 'done' }),
      aTask({ projectId: project.id, status: 'cancelled', deadline: days(-1) }),
      aTask({ projectId: project.id, status: 'idea' }),
      aTask({ projectId: other.id }),
      aTask({ deadline: days(-1) }), // inbox: in no project
    ];
    const [first, second] = portfolio(source({ projects: [project, other], tasks }), now);
    expect(first).toMatchObject({ id: project.id, open: 2, done: 1, overdue: 1, dueSoon: 1, progress: 1 / 3 });
    expect(second).toMatchObject({ id: other.id, open: 1, done: 0, overdue: 0, dueSoon: 0, progress: 0 });
  });

  it('scores health as Panorama: −8 per overdue task, +2 per note of the last 7 days up to 20', () => {
    const project = aProject({ createdAt: days(-1) });
    const overdue = [1, 2].map(() => aTask({ projectId: project.id, deadline: days(-1) }));
    const notes = [
      aNoteSummary({ projectId: project.id, createdAt: days(-6.9) }),
      aNoteSummary({ projectId: project.id, createdAt: days(-7.1), updatedAt: days(-0.5) }), // older than 7 days
    ];
    expect(portfolio(source({ projects: [project], tasks: overdue, notes }), now)[0]!.healthScore).toBe(86);
    const many = Array.from({ length: 15 }, () => aNoteSummary({ projectId: project.id, createdAt: days(-1) }));
    expect(portfolio(source({ projects: [project], notes: many }), now)[0]!.healthScore).toBe(100);
  });

  it('marks a project dormant (−20) when it and its last write are older than 14 days', () => {
    const quiet = aProject({ createdAt: days(-20) });
    const young = aProject({ createdAt: days(-10) });
    const busy = aProject({ createdAt: days(-20) });
    const tasks = [aTask({ projectId: busy.id, createdAt: days(-20), updatedAt: days(-20) })];
    const noteSessions = [aNoteSession({ projectId: busy.id, updatedAt: days(-1) })];
    const scores = portfolio(source({ projects: [quiet, young, busy], tasks, noteSessions }), now);
    expect(scores.map((p) => p.healthScore)).toEqual([80, 100, 100]);
    expect(scores.map((p) => p.lastActivityAt)).toEqual([days(-20), days(-10), days(-1)]);
  });
});

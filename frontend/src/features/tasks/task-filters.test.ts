import { describe, expect, it } from 'vitest';
import { aTask } from '../../test-builders.ts';
import { defaultFilter, endOfWeek, matchesFilter } from './task-filters.ts';

// A Wednesday, 10:00 local time.
const now = new Date(2026, 10, 25, 10, 0);
const day = (offset: number) => new Date(2026, 10, 25 + offset, 12, 0).toISOString();
const project = 'b'.repeat(24);

describe('task filters', () => {
  it('end the week on Sunday night, Monday-first', () => {
    const end = endOfWeek(now);
    expect([end.getDay(), end.getDate(), end.getHours()]).toEqual([0, 29, 23]);
    const sunday = new Date(2026, 10, 29, 8);
    expect(endOfWeek(sunday).getDate()).toBe(29);
  });

  it('"assigned to me" keeps only the tasks assigned to the current user', () => {
    const me = 'c'.repeat(24);
    const mine = { ...defaultFilter, assignee: 'me' as const };
    expect(matchesFilter(mine, aTask({ assigneeId: me }), now, me)).toBe(true);
    expect(matchesFilter(mine, aTask({ assigneeId: 'd'.repeat(24) }), now, me)).toBe(false);
    expect(matchesFilter(mine, aTask(), now, me)).toBe(false);
    expect(matchesFilter(defaultFilter, aTask(), now, me)).toBe(true);
  });

  it('match project, inbox and status like the server', () => {
    const inProject = aTask({ projectId: project });
    expect(matchesFilter({ ...defaultFilter, projectId: project }, inProject, now)).toBe(true);
    expect(matchesFilter({ ...defaultFilter, projectId: 'none' }, inProject, now)).toBe(false);
    expect(matchesFilter(defaultFilter, aTask({ status: 'done' }), now)).toBe(false);
    expect(matchesFilter({ ...defaultFilter, status: 'done' }, aTask({ status: 'done' }), now)).toBe(true);
    expect(matchesFilter({ ...defaultFilter, status: 'all' }, aTask({ status: 'idea' }), now)).toBe(true);
  });

  it('count only open tasks as overdue or due this week', () => {
    const overdue = { ...defaultFilter, due: 'overdue' as const };
    const week = { ...defaultFilter, due: 'week' as const };
    expect(matchesFilter(overdue, aTask({ deadline: day(-1) }), now)).toBe(true);
    expect(matchesFilter(overdue, aTask({ deadline: day(-1), status: 'done' }), now)).toBe(false);
    expect(matchesFilter(overdue, aTask({ deadline: null }), now)).toBe(false);
    expect(matchesFilter(week, aTask({ deadline: day(4) }), now)).toBe(true);
    expect(matchesFilter(week, aTask({ deadline: day(5) }), now)).toBe(false);
    expect(matchesFilter(week, aTask({ deadline: day(-1) }), now)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { groupByQuadrant, quadrantFlags, quadrantOf } from './eisenhower.ts';
import { aTask } from '../../test-builders.ts';

describe('Eisenhower grouping', () => {
  it('places open tasks by their two flags and leaves the others out', () => {
    const tasks = [
      aTask({ title: 'both', isUrgent: true, isImportant: true }),
      aTask({ title: 'important', isImportant: true }),
      aTask({ title: 'urgent', isUrgent: true }),
      aTask({ title: 'neither' }),
      aTask({ title: 'done', isUrgent: true, isImportant: true, status: 'done' }),
      aTask({ title: 'idea', status: 'idea' }),
    ];
    const groups = groupByQuadrant(tasks);
    const titles = (id: keyof typeof groups) => groups[id].map((t) => t.title);
    expect(titles('doFirst')).toEqual(['both']);
    expect(titles('schedule')).toEqual(['important']);
    expect(titles('delegate')).toEqual(['urgent']);
    expect(titles('eliminate')).toEqual(['neither']);
  });

  it('sorts a quadrant by deadline (none last), then in progress first, then oldest', () => {
    const groups = groupByQuadrant([
      aTask({ title: 'no deadline, old', createdAt: '2026-01-01T00:00:00.000Z' }),
      aTask({ title: 'later', deadline: '2026-12-10T00:00:00.000Z' }),
      aTask({ title: 'no deadline, in progress', status: 'in_progress', createdAt: '2026-06-01T00:00:00.000Z' }),
      aTask({ title: 'sooner', deadline: '2026-12-01T00:00:00.000Z' }),
    ]);
    expect(groups.eliminate.map((t) => t.title)).toEqual(['sooner', 'later', 'no deadline, in progress', 'no deadline, old']);
  });

  it('round-trips: the flags a quadrant sets put a task in that quadrant', () => {
    for (const [quadrant, flags] of Object.entries(quadrantFlags)) expect(quadrantOf(flags)).toBe(quadrant);
  });
});

import { generateNKeysBetween } from 'fractional-indexing';
import { describe, expect, it } from 'vitest';
import { promotedOrder, reRank } from './promote-order.ts';
import type { Rankable } from './promote-order.ts';

const keys = generateNKeysBetween(null, null, 8);
const day = (n: number) => new Date(Date.UTC(2026, 0, n));
const task = (id: string, i: number, extra: Partial<Rankable> = {}): Rankable => ({
  id,
  status: 'todo',
  deadline: null,
  rank: keys[i]!,
  createdAt: day(1),
  ...extra,
});
const ids = (tasks: readonly Rankable[]) => tasks.map((t) => t.id);

describe('promotedOrder (Panorama’s re-sort)', () => {
  it('sorts by deadline with none last, then in progress first, the promoted task first among equals, then rank', () => {
    const tasks = [
      task('plain-a', 0),
      task('started', 1, { status: 'in_progress' }),
      task('due-late', 2, { deadline: day(9) }),
      task('plain-b', 3),
      task('due-soon', 4, { deadline: day(2) }),
      task('due-soon-started', 5, { deadline: day(2), status: 'in_progress' }),
    ];
    expect(ids(promotedOrder(tasks, 'plain-b'))).toEqual([
      'due-soon-started',
      'due-soon',
      'due-late',
      'started',
      'plain-b',
      'plain-a',
    ]);
    // Promotion does not lift a task above one due sooner: that is the rule.
    expect(ids(promotedOrder(tasks, 'due-late'))[0]).toBe('due-soon-started');
  });

  it('breaks equal ranks by creation', () => {
    const tasks = [task('newer', 0, { createdAt: day(3) }), task('older', 0, { createdAt: day(2) })];
    expect(ids(promotedOrder(tasks, 'nobody'))).toEqual(['older', 'newer']);
  });
});

describe('reRank', () => {
  it('gives new keys only to the tasks out of order, and the keys put the list in the new order', () => {
    const [a, b, c, d] = [task('a', 1), task('b', 2), task('c', 3), task('d', 4)];
    const ordered = [d, a, b, c]; // d promoted above the rest
    const changes = reRank(ordered, keys);
    expect(changes.map((change) => change.task.id)).toEqual(['d']);
    const rankOf = new Map([...ordered.map((t) => [t.id, t.rank] as const), ...changes.map((c) => [c.task.id, c.rank] as const)]);
    const sorted = [...rankOf].sort(([, x], [, y]) => (x < y ? -1 : 1)).map(([id]) => id);
    expect(sorted).toEqual(['d', 'a', 'b', 'c']);
  });

  it('never gives a key that another task of the list holds (a closed one after the last open one)', () => {
    const [a, c, b] = [task('a', 1), task('c', 4), task('b', 0)];
    const closed = keys[5]!; // the very key the library puts after c's
    const changes = reRank([a, c, b], [a.rank, c.rank, b.rank, closed]);
    expect(changes.map((change) => change.task.id)).toEqual(['b']);
    expect(changes[0]!.rank > c.rank && changes[0]!.rank < closed).toBe(true);
  });

  it('changes nothing in a list already in order', () => {
    expect(reRank([task('a', 1), task('b', 2)], keys)).toEqual([]);
  });
});

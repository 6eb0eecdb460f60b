import { describe, expect, it } from 'vitest';
import { rankBetween, rankForMove } from './rank.ts';

const ranked = (...ranks: string[]) => ranks.map((rank) => ({ rank }));
const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Moves an item into the same gap `times` times, each time right below the item moved before. */
function crowd<R>(between: (low: R, high: R) => R, low: R, high: R, times: number): R[] {
  const ranks: R[] = [];
  let below = high;
  for (let i = 0; i < times; i++) {
    below = between(low, below);
    ranks.push(below);
  }
  return ranks;
}

describe('rankBetween', () => {
  it('keeps 1,000 moves into the same gap in order, each rank distinct', () => {
    const ranks = crowd(rankBetween, 'a0', 'a1', 1000);
    expect(new Set(ranks).size).toBe(1000);
    const order = ['a0', ...ranks.toReversed(), 'a1'];
    expect(order.toSorted(byCodeUnit)).toEqual(order); // as the server sorts them: by code unit
    expect(ranks.at(-1)!.length).toBeLessThan(200);
  });

  it('is needed: number midpoints of the old ranks (creation times) collide within 60 moves', () => {
    const ranks = crowd((low, high) => low + (high - low) / 2, -1_764_583_200_001, -1_764_583_200_000, 60);
    expect(new Set(ranks).size).toBeLessThan(60);
  });

  it('goes before the first item and after the last one', () => {
    expect(rankBetween(undefined, 'a0') < 'a0').toBe(true);
    expect(rankBetween('a0', undefined) > 'a0').toBe(true);
    expect(rankBetween(undefined, undefined)).toBe('a0');
  });
});

describe('rankForMove', () => {
  it('moves up between the new neighbours', () => {
    const rank = rankForMove(ranked('a0', 'a1', 'a2', 'a3'), 3, 1);
    expect(rank > 'a0' && rank < 'a1').toBe(true);
  });

  it('moves down past the neighbour below', () => {
    const rank = rankForMove(ranked('a0', 'a1', 'a2', 'a3'), 0, 2);
    expect(rank > 'a2' && rank < 'a3').toBe(true);
  });

  it('moves next to a tie of equal ranks rather than failing', () => {
    const rank = rankForMove(ranked('a0', 'a1', 'a1', 'a2', 'a3'), 4, 2);
    expect(rank > 'a1' && rank < 'a2').toBe(true);
  });

  it('moves to either end', () => {
    expect(rankForMove(ranked('a0', 'a1', 'a2'), 2, 0) < 'a0').toBe(true);
    expect(rankForMove(ranked('a0', 'a1', 'a2'), 0, 2) > 'a2').toBe(true);
  });
});

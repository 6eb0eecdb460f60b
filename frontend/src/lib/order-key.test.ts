import { describe, expect, it } from 'vitest';
import { keyBetween } from './order-key.ts';
import { rankBetween, rankForMove } from './rank.ts';

/** Moves an item into the same gap `times` times, each time right below the item moved before. */
function crowd<R>(between: (before: R | undefined, after: R | undefined) => R, low: R, high: R, times: number): R[] {
  const ranks: R[] = [];
  let below = high;
  for (let i = 0; i < times; i++) {
    below = between(low, below);
    ranks.push(below);
  }
  return ranks;
}

describe('order keys', () => {
  it('keep 1,000 moves into the same gap in order, each rank distinct', () => {
    const [low, high] = ['a0', 'a1'];
    const ranks = crowd(keyBetween, low, high, 1000);
    expect(new Set(ranks).size).toBe(1000);
    const order = [low, ...ranks.toReversed(), high];
    // Compared as the server sorts them: by code unit.
    expect(order.toSorted((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(order);
    expect(ranks.at(-1)!.length).toBeLessThan(200);
  });

  it('go before the first task, after the last, and between two', () => {
    const items = ['a0', 'a1', 'a2'].map((rank) => ({ rank }));
    expect(rankForMove(items, 2, 0, keyBetween) < 'a0').toBe(true);
    expect(rankForMove(items, 0, 2, keyBetween) > 'a2').toBe(true);
    const middle = rankForMove(items, 0, 1, keyBetween);
    expect(middle > 'a1' && middle < 'a2').toBe(true);
  });

  it('are needed: number midpoints of task ranks collide within 60 moves', () => {
    // Tasks used to be ranked by creation time (-Date.now()): neighbours a millisecond apart.
    const ranks = crowd(rankBetween, -1_764_583_200_001, -1_764_583_200_000, 60);
    expect(new Set(ranks).size).toBeLessThan(60);
  });
});

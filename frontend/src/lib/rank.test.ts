import { describe, expect, it } from 'vitest';
import { rankBetween, rankForMove } from './rank.ts';

const ranked = (...ranks: number[]) => ranks.map((rank) => ({ rank }));

describe('rankBetween', () => {
  it('is strictly between two neighbours', () => {
    const rank = rankBetween(-1_700_000_000_000, -1_699_999_999_000);
    expect(rank).toBeGreaterThan(-1_700_000_000_000);
    expect(rank).toBeLessThan(-1_699_999_999_000);
  });

  it('goes before the first item and after the last one', () => {
    expect(rankBetween(undefined, 5)).toBeLessThan(5);
    expect(rankBetween(5, undefined)).toBeGreaterThan(5);
    expect(rankBetween(undefined, undefined)).toBe(0);
  });

  it('still orders after many moves into the same gap', () => {
    let low = 0;
    const high = 1;
    for (let i = 0; i < 30; i++) {
      const next = rankBetween(low, high);
      expect(next).toBeGreaterThan(low);
      low = next;
    }
  });
});

describe('rankForMove', () => {
  it('moves up between the new neighbours', () => {
    // [10, 20, 30, 40]: the 4th item to index 1 → between 10 and 20
    expect(rankForMove(ranked(10, 20, 30, 40), 3, 1, rankBetween)).toBe(15);
  });

  it('moves down past the neighbour below', () => {
    // the 1st item to index 2 → after 30, before 40
    expect(rankForMove(ranked(10, 20, 30, 40), 0, 2, rankBetween)).toBe(35);
  });

  it('moves to either end', () => {
    expect(rankForMove(ranked(10, 20, 30), 2, 0, rankBetween)).toBeLessThan(10);
    expect(rankForMove(ranked(10, 20, 30), 0, 2, rankBetween)).toBeGreaterThan(30);
  });
});

import { generateKeyBetween } from 'fractional-indexing';
import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { orderKey } from './order-key.ts';

const id = (n: number) => new Types.ObjectId(n.toString(16).padStart(24, '0'));

describe('orderKey', () => {
  it('sorts as the ranks do, across digit counts, and stays a key the library accepts', () => {
    const ranks = [0, 1, 9, 61, 62, 3843, 3844, 1_733_000_000_000];
    const keys = ranks.map((rank, i) => orderKey(rank, id(i)));
    expect([...keys].sort()).toEqual(keys);
    for (let i = 1; i < keys.length; i++) expect(() => generateKeyBetween(keys[i - 1]!, keys[i]!)).not.toThrow();
  });

  it('gives equal ranks keys of their own, the same on every run', () => {
    expect(orderKey(3, id(1))).not.toBe(orderKey(3, id(2)));
    expect(orderKey(3, id(1))).toBe(orderKey(3, id(1)));
  });
});

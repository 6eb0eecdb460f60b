import { generateKeyBetween } from 'fractional-indexing';
import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { keyAfter, keyBefore } from './order-keys.ts';

describe('order keys of new items', () => {
  it('go before the first key, whatever its fraction: an imported rank, a key of ours, a dragged one', () => {
    const older = new Types.ObjectId('53706dac7e3f56c47030e89e');
    // A Panorama rank 0, as the import keys it: 'a0' + a low id (our digits after 'a0' sorted above it).
    const imported = `a0${older.toHexString()}1`;
    const firsts = [
      imported,
      `b18${older.toHexString()}1`, // rank 70
      keyBefore(null, older),
      generateKeyBetween(null, keyBefore(null, older)),
      'a0',
      'Zz',
    ];
    for (const first of firsts) {
      const id = new Types.ObjectId();
      expect(keyBefore(first, id) < first, `${keyBefore(first, id)} before ${first}`).toBe(true);
      expect(keyAfter(first, id) > first, `${keyAfter(first, id)} after ${first}`).toBe(true);
    }
  });

  it('made below one first key, sort newest first by their ids, each one its own', () => {
    const first = 'a053706dac7e3f56c47030e89e1'; // an imported Panorama rank 0
    const ids = [0, 1, 2].map((i) => new Types.ObjectId(`6b1033ec8ebae7bf77d03f1${i}`));
    const keys = ids.map((id) => keyBefore(first, id));
    expect([...keys].sort()).toEqual([...keys].reverse());
    expect(new Set(keys).size).toBe(3);
    expect(keys.every((key) => key < first)).toBe(true);
  });
});

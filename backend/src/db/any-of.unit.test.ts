import { describe, expect, it } from 'vitest';
import { anyOf } from './any-of.ts';

describe('anyOf', () => {
  it('is one clause per value of the first field, with the second field’s values in an $in', () => {
    const pairs = [
      ['note', 'a'],
      ['task', 'b'],
      ['note', 'c'],
    ] as const;
    expect(anyOf('kind', 'itemId', pairs)).toEqual({
      $or: [
        { kind: 'note', itemId: { $in: ['a', 'c'] } },
        { kind: 'task', itemId: { $in: ['b'] } },
      ],
    });
  });

  it('needs no $or for pairs that share their first value', () => {
    expect(
      anyOf('version', '_id', [
        [1, 'x'],
        [1, 'y'],
      ]),
    ).toEqual({ version: 1, _id: { $in: ['x', 'y'] } });
  });
});

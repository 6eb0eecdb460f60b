import { describe, expect, it } from 'vitest';
import { anEntry } from './journal-builders.ts';
import { groupByDayAndHour } from './group.ts';

const shape = (entries: ReturnType<typeof anEntry>[], zone: string) =>
  groupByDayAndHour(entries, zone).map((d) => [d.day, d.hours.map((h) => [h.hour, h.entries.map((e) => e.content)])]);

describe('groupByDayAndHour', () => {
  it('groups newest-first entries by day then hour in the zone, keeping their order', () => {
    const entries = [
      anEntry({ content: 'c', createdAt: '2026-11-30T23:30:00.000Z' }), // 00:30 on Dec 1st in Paris
      anEntry({ content: 'b', createdAt: '2026-11-30T22:59:00.000Z' }),
      anEntry({ content: 'a', createdAt: '2026-11-30T22:01:00.000Z' }),
      anEntry({ content: 'z', createdAt: '2026-11-29T08:00:00.000Z' }),
    ];
    expect(shape(entries, 'Europe/Paris')).toEqual([
      ['2026-12-01', [['00', ['c']]]],
      ['2026-11-30', [['23', ['b', 'a']]]],
      ['2026-11-29', [['09', ['z']]]],
    ]);
    expect(shape(entries, 'UTC')).toEqual([
      [
        '2026-11-30',
        [
          ['23', ['c']],
          ['22', ['b', 'a']],
        ],
      ],
      ['2026-11-29', [['08', ['z']]]],
    ]);
  });

  it('places a half-hour zone and a DST change right', () => {
    const kolkata = [anEntry({ content: 'x', createdAt: '2026-11-30T18:29:00.000Z' })]; // 23:59 in India
    expect(shape(kolkata, 'Asia/Kolkata')).toEqual([['2026-11-30', [['23', ['x']]]]]);
    const afterChange = [anEntry({ content: 'y', createdAt: '2026-10-25T01:30:00.000Z' })]; // 02:30 CET, the clock went back
    expect(shape(afterChange, 'Europe/Paris')).toEqual([['2026-10-25', [['02', ['y']]]]]);
  });

  it('gives nothing for no entry', () => {
    expect(groupByDayAndHour([], 'UTC')).toEqual([]);
  });
});

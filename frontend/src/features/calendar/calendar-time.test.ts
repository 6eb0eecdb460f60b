import { describe, expect, it } from 'vitest';
import { dayKey, daysOf, instantOf, rangeOf, shiftAnchor, wallOf, wallOfDay } from './calendar-time.ts';

const paris = 'Europe/Paris';

// Summer time starts in Paris on Sunday 29 March 2026 at 02:00 (UTC+1 → UTC+2).
describe('the week of a change to summer time in Europe/Paris', () => {
  const anchor = wallOfDay('2026-03-26');

  it('shows Monday to Sunday and asks the server for the week from Paris midnight to Paris midnight', () => {
    const days = daysOf('week', anchor);
    expect(days.map(dayKey)).toEqual([
      '2026-03-23',
      '2026-03-24',
      '2026-03-25',
      '2026-03-26',
      '2026-03-27',
      '2026-03-28',
      '2026-03-29',
    ]);
    // Monday 00:00 is UTC+1, the next Monday 00:00 is UTC+2: the week is 167 hours long.
    expect(rangeOf(days, paris)).toEqual({ from: '2026-03-22T23:00:00.000Z', to: '2026-03-29T22:00:00.000Z' });
  });

  it('the next week starts on Monday 30, not an hour early on Sunday', () => {
    const next = shiftAnchor('week', anchor, 1);
    expect(daysOf('week', next).map(dayKey)[0]).toBe('2026-03-30');
    expect(dayKey(shiftAnchor('week', next, -1))).toBe('2026-03-26');
  });

  it('places an instant at its Paris wall-clock time on either side of the change', () => {
    expect(new Date(wallOf('2026-03-29T00:30:00.000Z', paris)).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(new Date(wallOf('2026-03-29T07:00:00.000Z', paris)).toISOString()).toBe('2026-03-29T09:00:00.000Z');
    expect(instantOf(Date.parse('2026-03-29T09:00:00Z'), paris)).toBe('2026-03-29T07:00:00.000Z');
    expect(instantOf(Date.parse('2026-03-28T09:00:00Z'), paris)).toBe('2026-03-28T08:00:00.000Z');
  });

  it('reads the day in the preference zone, not the device’s (UTC here)', () => {
    // 23:30 UTC on the 28th is already the 29th in Paris.
    expect(dayKey(wallOf('2026-03-28T23:30:00.000Z', paris))).toBe('2026-03-29');
    expect(dayKey(wallOf('2026-03-28T23:30:00.000Z', 'UTC'))).toBe('2026-03-28');
  });
});

describe('the month grid', () => {
  it('covers whole weeks from the Monday on or before the first to the Sunday on or after the last', () => {
    const days = daysOf('month', wallOfDay('2026-03-15'));
    expect(dayKey(days[0]!)).toBe('2026-02-23');
    expect(dayKey(days[days.length - 1]!)).toBe('2026-04-05');
    expect(days.length).toBe(42);
    expect(daysOf('month', wallOfDay('2027-02-10')).length).toBe(28); // February 2027 starts on a Monday
  });

  it('steps a month at a time, whatever the day of the anchor', () => {
    expect(dayKey(shiftAnchor('month', wallOfDay('2026-01-31'), 1))).toBe('2026-02-01');
    expect(dayKey(shiftAnchor('month', wallOfDay('2026-01-31'), -1))).toBe('2025-12-01');
  });
});

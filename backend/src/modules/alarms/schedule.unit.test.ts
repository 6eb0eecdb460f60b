import type { Recurrence } from '@panoramix/contracts';
import { describe, expect, it } from 'vitest';
import { dismiss, effectiveAt, fire, fireAtOf, isRinging, nextOccurrence, reschedule, snooze } from './schedule.ts';
import type { AlarmState } from './schedule.ts';

const at = (iso: string) => new Date(iso);
const paris = 'Europe/Paris';

function alarm(overrides: Partial<AlarmState> = {}): AlarmState {
  const nextTriggerAt = overrides.nextTriggerAt ?? at('2026-03-10T08:00:00.000Z');
  return {
    enabled: true,
    done: false,
    nextTriggerAt,
    snoozedUntilAt: null,
    acknowledgedAt: null,
    lastFiredAt: null,
    recurrence: { type: 'none' },
    timeZone: paris,
    anchorAt: nextTriggerAt,
    ...overrides,
  };
}

/** Occurrences one after the other from `first` (itself the anchor). */
function occurrences(first: string, recurrence: Recurrence, count: number, timeZone = paris) {
  const anchor = at(first);
  const out: string[] = [];
  let current = anchor;
  for (let i = 0; i < count; i++) {
    current = nextOccurrence(current, recurrence, timeZone, anchor);
    out.push(current.toISOString());
  }
  return out;
}

describe('recurrence', () => {
  it('keeps a daily 09:00 Europe/Paris at 09:00 across the spring DST change (UTC+1 → UTC+2)', () => {
    expect(occurrences('2026-03-28T08:00:00.000Z', { type: 'daily' }, 2)).toEqual([
      '2026-03-29T07:00:00.000Z', // the change's day: 09:00 is now UTC+2
      '2026-03-30T07:00:00.000Z',
    ]);
  });

  it('keeps a daily 09:00 Europe/Paris at 09:00 across the autumn DST change (UTC+2 → UTC+1)', () => {
    expect(occurrences('2026-10-24T07:00:00.000Z', { type: 'daily' }, 2)).toEqual([
      '2026-10-25T08:00:00.000Z',
      '2026-10-26T08:00:00.000Z',
    ]);
  });

  it('rings on the chosen weekdays only, at the same wall-clock time', () => {
    // 2026-12-01 is a Tuesday; Monday (1) and Friday (5) at 14:30 in Paris (UTC+1).
    expect(occurrences('2026-12-01T13:30:00.000Z', { type: 'weekly', daysOfWeek: [1, 5] }, 3)).toEqual([
      '2026-12-04T13:30:00.000Z',
      '2026-12-07T13:30:00.000Z',
      '2026-12-11T13:30:00.000Z',
    ]);
  });

  it('puts a monthly 31st on the last day of shorter months and back on the 31st after', () => {
    expect(occurrences('2027-01-31T08:00:00.000Z', { type: 'monthly' }, 4, 'UTC')).toEqual([
      '2027-02-28T08:00:00.000Z',
      '2027-03-31T08:00:00.000Z',
      '2027-04-30T08:00:00.000Z',
      '2027-05-31T08:00:00.000Z',
    ]);
  });

  it('puts a monthly 31st on the 29th of February in a leap year', () => {
    expect(occurrences('2028-01-31T08:00:00.000Z', { type: 'monthly' }, 1, 'UTC')).toEqual(['2028-02-29T08:00:00.000Z']);
  });

  it('moves a daily alarm across the leap day and the year end', () => {
    expect(occurrences('2028-02-28T23:30:00.000Z', { type: 'daily' }, 2, 'UTC')).toEqual([
      '2028-02-29T23:30:00.000Z',
      '2028-03-01T23:30:00.000Z',
    ]);
    expect(occurrences('2026-12-31T22:00:00.000Z', { type: 'daily' }, 1, 'UTC')).toEqual(['2027-01-01T22:00:00.000Z']);
  });

  it('computes the day in the alarm’s zone, not in UTC', () => {
    // 00:30 in Paris on Monday 2026-12-07 is still Sunday in UTC.
    expect(occurrences('2026-12-06T23:30:00.000Z', { type: 'weekly', daysOfWeek: [1] }, 1)).toEqual(['2026-12-13T23:30:00.000Z']);
  });
});

describe('snooze', () => {
  const now = at('2026-03-10T08:02:00.000Z');

  it('stacks from the latest of the current snooze, the trigger and now', () => {
    const once = snooze(alarm(), now, 5);
    expect(once.snoozedUntilAt?.toISOString()).toBe('2026-03-10T08:07:00.000Z'); // from now
    const twice = snooze(once, now, 15);
    expect(twice.snoozedUntilAt?.toISOString()).toBe('2026-03-10T08:22:00.000Z'); // from the snooze
    const early = snooze(alarm({ nextTriggerAt: at('2026-03-10T09:00:00.000Z') }), now, 5);
    expect(early.snoozedUntilAt?.toISOString()).toBe('2026-03-10T09:05:00.000Z'); // from the trigger
  });

  it('re-enables a fired one-off and answers it', () => {
    const fired = fire(alarm(), now, at('2026-03-10T08:00:00.000Z'));
    const snoozed = snooze(fired, now, 60);
    expect(snoozed).toMatchObject({ enabled: true, done: false, acknowledgedAt: now });
    expect(isRinging(snoozed)).toBe(false);
    expect(effectiveAt(snoozed)?.toISOString()).toBe('2026-03-10T09:02:00.000Z');
  });
});

describe('firing', () => {
  const due = at('2026-03-10T08:00:00.000Z');
  const now = at('2026-03-10T08:00:01.000Z');

  it('marks a one-off done and disabled, so it never fires again', () => {
    const fired = fire(alarm({ snoozedUntilAt: due }), now, due);
    expect(fired).toMatchObject({ enabled: false, done: true, snoozedUntilAt: null, lastFiredAt: now });
    expect(fireAtOf(fired)).toBeNull();
  });

  it('keeps a recurring alarm ringing on its trigger, then rings it at the next occurrence if nobody answers', () => {
    const daily = alarm({ recurrence: { type: 'daily' } });
    const fired = fire(daily, now, due);
    expect(fired).toMatchObject({ enabled: true, done: false, nextTriggerAt: due });
    expect(fireAtOf(fired)?.toISOString()).toBe('2026-03-11T08:00:00.000Z');
    const nextDay = at('2026-03-11T08:00:00.000Z');
    expect(fire(fired, nextDay, nextDay).nextTriggerAt).toEqual(nextDay);
  });
});

describe('dismiss', () => {
  const now = at('2026-03-10T08:03:00.000Z');

  it('ends a one-off', () => {
    expect(dismiss(alarm({ snoozedUntilAt: now }), now)).toMatchObject({
      enabled: false,
      done: true,
      snoozedUntilAt: null,
      acknowledgedAt: now,
    });
  });

  it('moves a snoozed recurring alarm to the occurrence after its original trigger, dropping the snooze', () => {
    const snoozed = snooze(alarm({ recurrence: { type: 'daily' } }), now, 15);
    const dismissed = dismiss(snoozed, now);
    expect(dismissed).toMatchObject({ enabled: true, done: false, snoozedUntilAt: null, acknowledgedAt: now });
    expect(dismissed.nextTriggerAt.toISOString()).toBe('2026-03-11T08:00:00.000Z');
    expect(fireAtOf(dismissed)?.toISOString()).toBe('2026-03-11T08:00:00.000Z');
  });
});

describe('reschedule', () => {
  it('clears the snooze and answers a ringing alarm', () => {
    const now = at('2026-03-10T08:05:00.000Z');
    const ringing = fire(alarm({ recurrence: { type: 'daily' } }), now, at('2026-03-10T08:00:00.000Z'));
    const moved = reschedule(ringing, now, at('2026-03-12T10:00:00.000Z'));
    expect(isRinging(moved)).toBe(false);
    expect(fireAtOf(moved)?.toISOString()).toBe('2026-03-12T10:00:00.000Z');
  });
});

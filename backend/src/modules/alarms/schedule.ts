import type { Recurrence } from '@panoramix/contracts';
import { DateTime } from 'luxon';

/**
 * Panorama's alarm rules as pure functions of an alarm's state and the time, so they are tested
 * with a controlled clock. Recurrences are computed in the alarm's IANA zone with luxon (wall-clock
 * arithmetic across DST changes), and every instant is a UTC Date.
 */
export interface AlarmState {
  enabled: boolean;
  done: boolean;
  nextTriggerAt: Date;
  snoozedUntilAt: Date | null;
  acknowledgedAt: Date | null;
  lastFiredAt: Date | null;
  recurrence: Recurrence;
  timeZone: string;
  /** The time the user set: its wall-clock time and day of month anchor every occurrence (so the 31st comes back after February's 28th). */
  anchorAt: Date;
}

/** Fired longer ago than this, an alarm is announced as late: it came due while no server ran. */
export const LATE_AFTER_MS = 60_000;

const MAX_STEPS = 400; // more days than any weekly or monthly search can need

/** The first occurrence of `recurrence` strictly after `from`, at the anchor's wall-clock time in `timeZone`. */
export function nextOccurrence(from: Date, recurrence: Recurrence, timeZone: string, anchorAt: Date): Date {
  const anchor = DateTime.fromJSDate(anchorAt, { zone: timeZone });
  const start = DateTime.fromJSDate(from, { zone: timeZone });
  const wall = { hour: anchor.hour, minute: anchor.minute, second: anchor.second, millisecond: anchor.millisecond };
  const at = (day: DateTime) =>
    DateTime.fromObject({ year: day.year, month: day.month, day: day.day, ...wall }, { zone: timeZone });
  for (let step = 0; step < MAX_STEPS; step++) {
    let candidate: DateTime | undefined;
    if (recurrence.type === 'monthly') {
      const month = start.startOf('month').plus({ months: step });
      candidate = at(month.set({ day: Math.min(anchor.day, month.daysInMonth ?? 28) }));
    } else {
      const day = start.startOf('day').plus({ days: step });
      const weekday = day.weekday % 7; // luxon: 1 = Monday … 7 = Sunday; the contracts: 0 = Sunday
      if (recurrence.type === 'daily' || (recurrence.type === 'weekly' && recurrence.daysOfWeek.includes(weekday))) {
        candidate = at(day);
      }
    }
    if (candidate && candidate.toMillis() > from.getTime()) return candidate.toJSDate();
  }
  throw new Error(`no occurrence of ${recurrence.type} after ${from.toISOString()}`);
}

const isRecurring = (s: Pick<AlarmState, 'recurrence'>) => s.recurrence.type !== 'none';

/** Panorama's effective time: the snooze when set, else the scheduled trigger; none while disabled. */
export const effectiveAt = (s: AlarmState): Date | null => (s.enabled ? (s.snoozedUntilAt ?? s.nextTriggerAt) : null);

/** It fired and nobody answered it (snooze or dismiss) since. */
export const isRinging = (s: AlarmState) =>
  s.lastFiredAt !== null && (s.acknowledgedAt === null || s.acknowledgedAt < s.lastFiredAt);

/**
 * When the server should fire it next. A recurring alarm that rings unanswered keeps its trigger
 * (so a dismiss moves on from it, as in Panorama) and rings again at the following occurrence,
 * so a daily alarm nobody answers still rings every day.
 */
export function fireAtOf(s: AlarmState): Date | null {
  if (!s.enabled) return null;
  if (isRecurring(s) && isRinging(s)) return nextOccurrence(s.nextTriggerAt, s.recurrence, s.timeZone, s.anchorAt);
  return effectiveAt(s);
}

/**
 * The state after the server fired it for `due` (its fireAt). Panorama's markFiredIfDue for a
 * one-off: done and disabled. A recurring alarm stays enabled and rings; firing for the following
 * occurrence of an unanswered one makes that occurrence its trigger.
 */
export function fire(s: AlarmState, now: Date, due: Date): AlarmState {
  if (!isRecurring(s)) {
    return { ...s, lastFiredAt: now, enabled: false, done: true, snoozedUntilAt: null, acknowledgedAt: null };
  }
  const caughtUp = isRinging(s) ? { nextTriggerAt: due } : {};
  return { ...s, ...caughtUp, lastFiredAt: now, snoozedUntilAt: null, acknowledgedAt: null };
}

/** Snoozing stacks: from the latest of the current snooze, the trigger and now. */
export function snooze(s: AlarmState, now: Date, minutes: number): AlarmState {
  const base = Math.max(s.snoozedUntilAt?.getTime() ?? 0, s.nextTriggerAt.getTime(), now.getTime());
  return { ...s, snoozedUntilAt: new Date(base + minutes * 60_000), enabled: true, done: false, acknowledgedAt: now };
}

/** A one-off is done; a recurring alarm moves to the occurrence after its original trigger (the snooze is dropped). */
export function dismiss(s: AlarmState, now: Date): AlarmState {
  if (!isRecurring(s)) return { ...s, enabled: false, done: true, snoozedUntilAt: null, acknowledgedAt: now };
  const nextTriggerAt = nextOccurrence(s.nextTriggerAt, s.recurrence, s.timeZone, s.anchorAt);
  return { ...s, nextTriggerAt, snoozedUntilAt: null, enabled: true, done: false, acknowledgedAt: now };
}

/** A new time set by the user: it rings then, whatever it did before (the edit answers a ringing alarm). */
export function reschedule(s: AlarmState, now: Date, nextTriggerAt: Date): AlarmState {
  const answered = isRinging(s) ? { acknowledgedAt: now } : {};
  return { ...s, ...answered, nextTriggerAt, anchorAt: nextTriggerAt, snoozedUntilAt: null, enabled: true, done: false };
}

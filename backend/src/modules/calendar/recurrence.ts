import ICAL from 'ical.js';
import type { ClockZone, WallClock } from './wall-clock.ts';
import { DAY_MS, dayInstant, instantOf, overlaps, wallClockOf, wallClockOfTime, zoneNamed } from './wall-clock.ts';

/** A recurrence the server cannot use: an invalid RRULE or EXDATE. Imports skip the VEVENT with this reason; a manual event answers 400. */
export class RecurrenceError extends Error {}

/** A series as stored: its rule, and the starts it leaves out (EXDATE), as instants. */
export interface SeriesRule {
  rule: ICAL.Recur;
  exdates: Set<number>;
}

export interface Series {
  start: Date;
  end: Date;
  allDay: boolean;
  timeZone: string | null;
  recurrence: string;
}

/**
 * ical.js walks a rule from its first occurrence, some 30 µs a step. A request may take this
 * many steps over all its series, and one series this many; past them the answer says `truncated`
 * (a MINUTELY rule with COUNT=100000, say). Rules without COUNT skip ahead to the range first
 * (fastForward), so a daily meeting begun years ago costs a few steps.
 */
export const SERIES_STEPS_MAX = 20_000;
export const REQUEST_STEPS_MAX = 60_000;

const periodMs: Partial<Record<ICAL.Recur['freq'], number>> = {
  SECONDLY: 1000,
  MINUTELY: 60_000,
  HOURLY: 3_600_000,
  DAILY: DAY_MS,
  WEEKLY: 7 * DAY_MS,
};

function parseRule(value: string): ICAL.Recur {
  try {
    const rule = ICAL.Recur.fromString(value.replace(/^RRULE:/i, ''));
    if (!rule.freq) throw new RecurrenceError('RRULE has no FREQ');
    if (rule.interval < 1) throw new RecurrenceError('RRULE INTERVAL must be at least 1');
    if (rule.count !== null && rule.count < 1) throw new RecurrenceError('RRULE COUNT must be at least 1');
    return rule;
  } catch (error) {
    if (error instanceof RecurrenceError) throw error;
    throw new RecurrenceError(`invalid RRULE: ${(error as Error).message}`);
  }
}

/** An EXDATE line's instants: `Z` times as they are, TZID or floating times in the series' zone, dates as all-day days. */
function parseExdates(line: string, zone: ClockZone): number[] {
  let property: ICAL.Property;
  try {
    property = ICAL.Property.fromString(line);
  } catch (error) {
    throw new RecurrenceError(`invalid EXDATE: ${(error as Error).message}`);
  }
  const tzid = property.getParameter('tzid');
  const own = typeof tzid === 'string' ? zoneNamed(tzid) : zone;
  return (property.getValues() as ICAL.Time[]).map((time) => {
    if (!(time instanceof ICAL.Time)) throw new RecurrenceError('invalid EXDATE value');
    if (time.isDate) return dayInstant(time).getTime();
    return instantOf(wallClockOfTime(time), time.zone === ICAL.Timezone.utcTimezone ? { kind: 'utc' } : own).getTime();
  });
}

/** Reads a series' `recurrence` text (RRULE and EXDATE lines); throws RecurrenceError naming what is wrong. */
export function parseRecurrence(text: string, timeZone: string | null, allDay: boolean): SeriesRule {
  const zone = zoneNamed(timeZone);
  let rule: ICAL.Recur | null = null;
  const exdates = new Set<number>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    if (/^(RRULE:|FREQ=)/i.test(line)) {
      if (rule) throw new RecurrenceError('more than one RRULE');
      rule = parseRule(line);
    } else if (/^EXDATE[;:]/i.test(line)) {
      for (const at of parseExdates(line, zone)) exdates.add(allDay ? Math.floor(at / DAY_MS) * DAY_MS : at);
    } else {
      throw new RecurrenceError(`unsupported recurrence line "${line.slice(0, 40)}" (RRULE and EXDATE only)`);
    }
  }
  if (!rule) throw new RecurrenceError('no RRULE');
  return { rule, exdates };
}

/** The stored text of a series: its RRULE, then its EXDATEs as UTC instants (or days), one canonical form. */
export function formatRecurrence(series: SeriesRule, allDay: boolean): string {
  const lines = [`RRULE:${series.rule.toString()}`];
  if (series.exdates.size > 0) {
    const values = [...series.exdates].sort((a, b) => a - b).map((at) => ICAL.Time.fromJSDate(new Date(at), true));
    lines.push(
      allDay
        ? `EXDATE;VALUE=DATE:${values.map((t) => t.toICALString().slice(0, 8)).join(',')}`
        : `EXDATE:${values.map((t) => t.toICALString()).join(',')}`,
    );
  }
  return lines.join('\n');
}

const wallMs = (wall: WallClock) => Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
const fromWallMs = (ms: number): WallClock => {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
};

/**
 * Moves the first occurrence ahead by whole periods of the rule, to just before `target` (wall
 * clock): every BY part is relative to its period, so the occurrences from there on are the same.
 * Not with COUNT (it counts from the first), nor from a day that some months lack.
 */
function fastForward(start: WallClock, rule: ICAL.Recur, target: WallClock): WallClock {
  if (rule.count !== null) return start;
  const gap = wallMs(target) - wallMs(start);
  const period = periodMs[rule.freq];
  if (period) {
    const periods = Math.floor(gap / (period * rule.interval)) - 1;
    return periods > 0 ? fromWallMs(wallMs(start) + periods * period * rule.interval) : start;
  }
  if (start.day > 28 || (rule.freq === 'YEARLY' && start.month === 2 && start.day === 29)) return start;
  const months = (target.year - start.year) * 12 + (target.month - start.month);
  const step = rule.freq === 'YEARLY' ? 12 * rule.interval : rule.interval;
  const periods = Math.floor(months / step) - 1;
  if (periods <= 0) return start;
  const month = start.month - 1 + periods * step;
  return { ...start, year: start.year + Math.floor(month / 12), month: (month % 12) + 1 };
}

export interface Expansion {
  /** The starts of the occurrences overlapping the range, in order. */
  starts: Date[];
  truncated: boolean;
}

/**
 * The occurrences of a series overlapping [from, to): the rule walked in the series' wall clock
 * (09:00 in Europe/Paris stays 09:00 across DST), each occurrence then placed in its zone, EXDATEs
 * and `skip` (starts moved by an override) left out. `budget.steps` is shared by a request's series.
 */
export function expandSeries(
  series: Series,
  range: { from: Date; to: Date },
  budget: { steps: number },
  skip: ReadonlySet<number> = new Set(),
): Expansion {
  const parsed = parseRecurrence(series.recurrence, series.timeZone, series.allDay);
  const zone = series.allDay ? ({ kind: 'utc' } as const) : zoneNamed(series.timeZone);
  const duration = series.end.getTime() - series.start.getTime();
  const first = wallClockOf(series.start, zone);
  const rule = parsed.rule.clone();
  if (rule.until) {
    // UNTIL in UTC is compared with wall-clock occurrences: bring it to the series' wall clock.
    const until =
      rule.until.zone === ICAL.Timezone.utcTimezone
        ? wallClockOf(new Date(rule.until.toUnixTime() * 1000), zone)
        : wallClockOfTime(rule.until);
    rule.until = ICAL.Time.fromData({ ...until, isDate: series.allDay });
  }
  const earliest = wallClockOf(new Date(range.from.getTime() - duration), zone);
  const dtstart = ICAL.Time.fromData({ ...fastForward(first, rule, earliest), isDate: series.allDay });
  const iterator = rule.iterator(dtstart);
  const starts: Date[] = [];
  let steps = 0;
  for (;;) {
    if (steps >= SERIES_STEPS_MAX || budget.steps <= 0) return { starts, truncated: true };
    steps += 1;
    budget.steps -= 1;
    const next = iterator.next();
    if (!next) return { starts, truncated: false };
    const start = series.allDay ? dayInstant(next) : instantOf(wallClockOfTime(next), zone);
    const at = start.getTime();
    if (at >= range.to.getTime()) return { starts, truncated: false };
    if (!overlaps(at, at + duration, range) || parsed.exdates.has(at) || skip.has(at)) continue;
    starts.push(start);
  }
}

/** Checks a series can be walked (its rule and EXDATEs read, its first occurrence found); throws RecurrenceError. */
export function checkSeries(series: Series): string {
  const parsed = parseRecurrence(series.recurrence, series.timeZone, series.allDay);
  return formatRecurrence(parsed, series.allDay);
}

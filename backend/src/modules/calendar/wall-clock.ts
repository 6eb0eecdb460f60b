import ICAL from 'ical.js';
import { IANAZone } from 'luxon';

/** A time as a clock on the wall shows it, in no zone yet (iCalendar's local time). */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/**
 * How a wall clock becomes an instant: UTC (`Z` times), an IANA zone (a TZID luxon knows, or the
 * user's zone for floating times), or a calendar's own VTIMEZONE rules (a TZID such as
 * `Romance Standard Time` that only the file defines).
 */
export type ClockZone = { kind: 'utc' } | { kind: 'iana'; name: string } | { kind: 'vtimezone'; tz: ICAL.Timezone };

export const utcZone: ClockZone = { kind: 'utc' };

/**
 * luxon's zone checks and conversions build an Intl formatter each time (some 1 to 4 ms on a busy
 * machine, measured by the calendar bench): zones are looked up once, and offsets kept by quarter
 * hour (every zone changes offset on a quarter hour), so a range of 1,500 occurrences costs
 * milliseconds, not seconds.
 */
const knownZones = new Map<string, IANAZone | null>();
function ianaZone(name: string) {
  if (!knownZones.has(name)) knownZones.set(name, IANAZone.isValidZone(name) ? IANAZone.create(name) : null);
  return knownZones.get(name) ?? null;
}

const QUARTER_MS = 900_000;
const OFFSETS_KEPT = 100_000;
const offsets = new Map<string, number>();
/** The zone's offset from UTC at an instant, in ms. */
function offsetMs(name: string, at: number) {
  const key = `${name} ${Math.floor(at / QUARTER_MS)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    if (offsets.size >= OFFSETS_KEPT) offsets.clear();
    offset = (ianaZone(name)?.offset(at) ?? 0) * 60_000;
    offsets.set(key, offset);
  }
  return offset;
}

export const isIanaZone = (name: string) => ianaZone(name) !== null;

export const zoneNamed = (name: string | null | undefined): ClockZone =>
  name && name !== 'UTC' && isIanaZone(name) ? { kind: 'iana', name } : utcZone;

const wallMs = (wall: WallClock) => Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);

/** The instant a wall clock shows in a zone; a time skipped by a DST change moves forward, as calendars do. */
export function instantOf(wall: WallClock, zone: ClockZone): Date {
  if (zone.kind === 'utc') return new Date(wallMs(wall));
  if (zone.kind === 'vtimezone') return new Date(ICAL.Time.fromData({ ...wall, isDate: false }, zone.tz).toUnixTime() * 1000);
  // Two passes: the offset at the wall clock read as UTC, then at the instant that gives.
  const local = wallMs(wall);
  const guess = local - offsetMs(zone.name, local);
  return new Date(local - offsetMs(zone.name, guess));
}

/** The wall clock an instant shows in a zone (a VTIMEZONE zone is read as UTC: stored series keep IANA zones only). */
export function wallClockOf(date: Date, zone: ClockZone): WallClock {
  const at = new Date(date.getTime() + (zone.kind === 'iana' ? offsetMs(zone.name, date.getTime()) : 0));
  return {
    year: at.getUTCFullYear(),
    month: at.getUTCMonth() + 1,
    day: at.getUTCDate(),
    hour: at.getUTCHours(),
    minute: at.getUTCMinutes(),
    second: at.getUTCSeconds(),
  };
}

/** The wall clock of an ical.js time, its zone ignored. */
export const wallClockOfTime = (time: ICAL.Time): WallClock => ({
  year: time.year,
  month: time.month,
  day: time.day,
  hour: time.hour,
  minute: time.minute,
  second: time.second,
});

/** Midnight UTC of a calendar day: how all-day events store their days (see the contracts' calendarEvent). */
export const dayInstant = (wall: Pick<WallClock, 'year' | 'month' | 'day'>) =>
  new Date(Date.UTC(wall.year, wall.month - 1, wall.day));

export const DAY_MS = 86_400_000;

/** What a range shows: what starts before its end and ends after its start; a zero-length event at `from` is inside. */
export const overlaps = (start: number, end: number, range: { from: Date; to: Date }) =>
  start < range.to.getTime() && (end > range.from.getTime() || start >= range.from.getTime());

import ICAL from 'ical.js';
import { DateTime, IANAZone } from 'luxon';

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

export const isIanaZone = (name: string) => IANAZone.isValidZone(name);

export const zoneNamed = (name: string | null | undefined): ClockZone =>
  name && name !== 'UTC' && isIanaZone(name) ? { kind: 'iana', name } : utcZone;

/** The instant a wall clock shows in a zone; a time skipped by a DST change moves forward, as calendars do. */
export function instantOf(wall: WallClock, zone: ClockZone): Date {
  if (zone.kind === 'utc') return new Date(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second));
  if (zone.kind === 'iana') return DateTime.fromObject(wall, { zone: zone.name }).toJSDate();
  return new Date(ICAL.Time.fromData({ ...wall, isDate: false }, zone.tz).toUnixTime() * 1000);
}

/** The wall clock an instant shows in a zone (a VTIMEZONE zone is read as UTC: stored series keep IANA zones only). */
export function wallClockOf(date: Date, zone: ClockZone): WallClock {
  const at = DateTime.fromJSDate(date, { zone: zone.kind === 'iana' ? zone.name : 'UTC' });
  return { year: at.year, month: at.month, day: at.day, hour: at.hour, minute: at.minute, second: at.second };
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

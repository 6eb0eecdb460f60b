import { fromDateTimeInput, toDateTimeInput } from '../../lib/date-input.ts';

/**
 * The calendar reckons in wall-clock time of the user's zone (the preference, else the device's;
 * never the Date's own local getters): a "wall" is a wall-clock reading stored as the UTC
 * milliseconds of the same fields, so days are always 24 hours long there and a week is seven of
 * them, whatever summer time does. Instants go in and out through lib/date-input.ts.
 */
export type Wall = number;

export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;

/** The wall-clock reading of an instant in `zone`, to the minute. */
export function wallOf(iso: string, zone: string | undefined): Wall {
  return Date.parse(`${toDateTimeInput(iso, zone)}:00Z`);
}

/** The instant a wall-clock reading names in `zone`, ISO (a time skipped by summer time lands after the gap). */
export function instantOf(wall: Wall, zone: string | undefined): string {
  return fromDateTimeInput(new Date(wall).toISOString().slice(0, 16), zone)!;
}

export const startOfDay = (wall: Wall): Wall => wall - (((wall % DAY) + DAY) % DAY);

/** Weeks start on Monday (French and British usage, the app's two languages). */
export function startOfWeek(wall: Wall): Wall {
  const day = startOfDay(wall);
  return day - ((new Date(day).getUTCDay() + 6) % 7) * DAY;
}

export function startOfMonth(wall: Wall): Wall {
  const date = new Date(wall);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
}

export function addMonths(wall: Wall, months: number): Wall {
  const date = new Date(startOfMonth(wall));
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1);
}

/** `yyyy-mm-dd` of a wall reading: the day in the address and the key of a day's events. */
export const dayKey = (wall: Wall): string => new Date(wall).toISOString().slice(0, 10);

/** The wall midnight of a `yyyy-mm-dd` day (NaN for anything else). */
export const wallOfDay = (day: string): Wall => (/^\d{4}-\d{2}-\d{2}$/.test(day) ? Date.parse(`${day}T00:00:00Z`) : NaN);

export type CalendarView = 'week' | 'month' | 'agenda';

/** The days one view shows, as wall midnights: a week, the whole weeks around a month, or the agenda's span. */
export function daysOf(view: CalendarView, anchor: Wall, agendaDays = 30): Wall[] {
  const first = view === 'week' ? startOfWeek(anchor) : view === 'month' ? startOfWeek(startOfMonth(anchor)) : startOfDay(anchor);
  const count = view === 'week' ? 7 : view === 'agenda' ? agendaDays : Math.ceil((addMonths(anchor, 1) - first) / DAY / 7) * 7;
  return Array.from({ length: count }, (_, i) => first + i * DAY);
}

/** The instants the server is asked for (`from` inclusive, `to` exclusive) for those days in `zone`. */
export function rangeOf(days: readonly Wall[], zone: string | undefined): { from: string; to: string } {
  return { from: instantOf(days[0]!, zone), to: instantOf(days[days.length - 1]! + DAY, zone) };
}

/** The anchor one step before or after (`step` -1 or 1): a week, a month, or the agenda's span. */
export function shiftAnchor(view: CalendarView, anchor: Wall, step: number, agendaDays = 30): Wall {
  if (view === 'month') return addMonths(anchor, step);
  return startOfDay(anchor) + step * (view === 'week' ? 7 : agendaDays) * DAY;
}

/** Minutes since the wall midnight of its day. */
export const minuteOfDay = (wall: Wall): number => (wall - startOfDay(wall)) / MINUTE;

import ICAL from 'ical.js';
import { RecurrenceError, formatRecurrence, parseRecurrence } from './recurrence.ts';
import type { ClockZone, WallClock } from './wall-clock.ts';
import { DAY_MS, dayInstant, instantOf, isIanaZone, utcZone, wallClockOf, wallClockOfTime, zoneNamed } from './wall-clock.ts';

/** A VEVENT as the calendar stores it (see upsertIcsEvents). */
/** A VEVENT in the fields the calendar keeps: what an import reads, and what the private feed writes (feed/ics.ts). */
export interface IcsEvent {
  uid: string;
  title: string;
  description: string;
  location: string;
  start: Date;
  end: Date;
  allDay: boolean;
  /** A series: its RRULE and EXDATEs in the stored form (recurrence.ts formatRecurrence). */
  recurrence: string | null;
  /** IANA zone the series is walked in (the TZID, or the user's zone for floating times). */
  timeZone: string | null;
  /** An override of one occurrence of the series of the same UID: the start the rule gave it. */
  recurrenceId: Date | null;
}

export interface IcsSkip {
  uid: string;
  title: string;
  reason: string;
}

export interface ParsedIcs {
  events: IcsEvent[];
  skips: IcsSkip[];
}

const RULE_AS_TEXT = 'X-PANORAMIX-RRULE';

/** Not an iCalendar file at all (the import answers 400). */
export class IcsSyntaxError extends Error {}

const text = (event: ICAL.Component, name: string) => {
  const value = event.getFirstPropertyValue(name);
  return typeof value === 'string' ? value.trim() : '';
};

interface Zones {
  /** VTIMEZONEs the file defines, by TZID. */
  own: Map<string, ICAL.Timezone>;
  /** Floating times (no TZID, no Z) are the user's local time. */
  floating: ClockZone;
}

function zoneOf(property: ICAL.Property, time: ICAL.Time, zones: Zones): ClockZone {
  if (time.zone === ICAL.Timezone.utcTimezone) return utcZone;
  const tzid = property.getParameter('tzid');
  if (typeof tzid !== 'string') return zones.floating;
  if (isIanaZone(tzid)) return { kind: 'iana', name: tzid };
  const own = zones.own.get(tzid);
  return own ? { kind: 'vtimezone', tz: own } : zones.floating;
}

/** The IANA name a series is walked in: its own zone when it has one, else the user's. */
const seriesZone = (zone: ClockZone, zones: Zones) =>
  zone.kind === 'iana' ? zone.name : zone.kind === 'utc' ? null : zones.floating.kind === 'iana' ? zones.floating.name : null;

function timeOf(event: ICAL.Component, name: string) {
  const property = event.getFirstProperty(name);
  const value = property?.getFirstValue();
  return property && value instanceof ICAL.Time ? { property, time: value } : null;
}

const isMidnight = (wall: WallClock) => wall.hour === 0 && wall.minute === 0 && wall.second === 0;

/**
 * Start and end of a VEVENT. All-day (the spec's heuristic): a DATE-typed start, or a start and an
 * end at local midnight a whole number of days apart; its days are stored as midnight UTC.
 */
function timesOf(event: ICAL.Component, zones: Zones) {
  const dtstart = timeOf(event, 'dtstart');
  if (!dtstart) throw new RecurrenceError('no DTSTART');
  const startZone = zoneOf(dtstart.property, dtstart.time, zones);
  const dtend = timeOf(event, 'dtend');
  const duration = event.getFirstPropertyValue('duration');
  if (dtstart.time.isDate) {
    const start = dayInstant(dtstart.time);
    const days = dtend
      ? Math.round((dayInstant(dtend.time).getTime() - start.getTime()) / DAY_MS)
      : duration instanceof ICAL.Duration
        ? Math.round(duration.toSeconds() / 86_400)
        : 1;
    return { start, end: new Date(start.getTime() + Math.max(days, 1) * DAY_MS), allDay: true, zone: startZone };
  }
  const start = instantOf(wallClockOfTime(dtstart.time), startZone);
  const end = dtend
    ? instantOf(wallClockOfTime(dtend.time), zoneOf(dtend.property, dtend.time, zones))
    : duration instanceof ICAL.Duration
      ? new Date(start.getTime() + duration.toSeconds() * 1000)
      : start;
  if (end < start) throw new RecurrenceError('DTEND is before DTSTART');
  // Local midnight: in the event's zone, or the user's for a UTC time.
  const local = startZone.kind === 'utc' ? zones.floating : startZone;
  const [from, to] = [wallClockOf(start, local), wallClockOf(end, local)];
  if (local.kind !== 'vtimezone' && end > start && isMidnight(from) && isMidnight(to)) {
    const days = Math.round((dayInstant(to).getTime() - dayInstant(from).getTime()) / DAY_MS);
    if (days >= 1) return { start: dayInstant(from), end: dayInstant(to), allDay: true, zone: startZone };
  }
  return { start, end, allDay: false, zone: startZone };
}

function recurrenceOf(event: ICAL.Component, times: ReturnType<typeof timesOf>, zones: Zones) {
  const rules = event.getAllProperties(RULE_AS_TEXT.toLowerCase());
  if (rules.length === 0) return null;
  if (rules.length > 1) throw new RecurrenceError('more than one RRULE');
  const series = parseRecurrence(`RRULE:${String(rules[0]!.getFirstValue())}`, null, times.allDay);
  for (const exdate of event.getAllProperties('exdate')) {
    for (const value of exdate.getValues() as unknown[]) {
      if (!(value instanceof ICAL.Time)) throw new RecurrenceError('invalid EXDATE');
      const at =
        value.isDate || times.allDay ? dayInstant(value) : instantOf(wallClockOfTime(value), zoneOf(exdate, value, zones));
      series.exdates.add(at.getTime());
    }
  }
  // ical.js accepts some rules it cannot walk: take one step now rather than fail at every read.
  try {
    series.rule.iterator(ICAL.Time.fromData({ ...wallClockOfTime(event.getFirstPropertyValue('dtstart') as ICAL.Time) })).next();
  } catch (error) {
    throw new RecurrenceError(`invalid RRULE: ${(error as Error).message}`);
  }
  return formatRecurrence(series, times.allDay);
}

function parseEvent(event: ICAL.Component, zones: Zones): IcsEvent {
  const times = timesOf(event, zones);
  const recurrenceId = timeOf(event, 'recurrence-id');
  return {
    uid: text(event, 'uid'),
    title: text(event, 'summary'),
    description: text(event, 'description'),
    location: text(event, 'location'),
    start: times.start,
    end: times.end,
    allDay: times.allDay,
    recurrence: recurrenceId ? null : recurrenceOf(event, times, zones),
    timeZone: times.allDay ? null : seriesZone(times.zone, zones),
    recurrenceId: recurrenceId
      ? recurrenceId.time.isDate || times.allDay
        ? dayInstant(recurrenceId.time)
        : instantOf(wallClockOfTime(recurrenceId.time), zoneOf(recurrenceId.property, recurrenceId.time, zones))
      : null,
  };
}

/**
 * Reads an iCalendar file's VEVENTs. One that cannot be used (no UID or DTSTART, an invalid RRULE
 * or EXDATE, an end before its start) is skipped with its reason; the others are kept. A cancelled
 * occurrence (RECURRENCE-ID with STATUS:CANCELLED) becomes an EXDATE of its series.
 */
export function parseIcs(source: string, options: { timeZone: string | null }): ParsedIcs {
  let root: ICAL.Component;
  try {
    // ical.js reads RRULE values as it parses, so one bad rule would refuse the whole file: rules
    // are read as text here and checked VEVENT by VEVENT.
    const parsed: unknown = ICAL.parse(source.replace(/^RRULE(?=[;:])/gim, RULE_AS_TEXT));
    root = new ICAL.Component(
      Array.isArray(parsed) && typeof parsed[0] === 'string' ? (parsed as never) : ((parsed as never[])[0] ?? []),
    );
  } catch (error) {
    throw new IcsSyntaxError(`not an iCalendar file: ${(error as Error).message}`);
  }
  if (root.name !== 'vcalendar') throw new IcsSyntaxError('not an iCalendar file: no VCALENDAR');
  const zones: Zones = { own: new Map(), floating: zoneNamed(options.timeZone) };
  for (const vtimezone of root.getAllSubcomponents('vtimezone')) {
    const tzid = text(vtimezone, 'tzid');
    if (tzid) zones.own.set(tzid, new ICAL.Timezone({ component: vtimezone, tzid }));
  }
  const events: IcsEvent[] = [];
  const skips: IcsSkip[] = [];
  const cancelled: IcsEvent[] = [];
  for (const vevent of root.getAllSubcomponents('vevent')) {
    const uid = text(vevent, 'uid');
    const title = text(vevent, 'summary');
    try {
      if (!uid) throw new RecurrenceError('no UID');
      const event = parseEvent(vevent, zones);
      if (event.recurrenceId && text(vevent, 'status').toUpperCase() === 'CANCELLED') cancelled.push(event);
      else events.push(event);
    } catch (error) {
      if (!(error instanceof RecurrenceError) && !(error instanceof Error)) throw error;
      skips.push({ uid, title, reason: error.message });
    }
  }
  for (const occurrence of cancelled) {
    const series = events.find((e) => e.uid === occurrence.uid && e.recurrence);
    if (!series?.recurrence || !occurrence.recurrenceId) continue;
    const rule = parseRecurrence(series.recurrence, series.timeZone, series.allDay);
    rule.exdates.add(occurrence.recurrenceId.getTime());
    series.recurrence = formatRecurrence(rule, series.allDay);
  }
  return { events, skips };
}

import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import type { IcsEvent } from '../ics-parser.ts';

/** An event as the feed writes it: an override (`recurrenceId`) shares its series' UID. */
export type FeedEvent = IcsEvent & { updatedAt: Date };

export interface FeedDeadline {
  id: string;
  title: string;
  deadline: Date;
  updatedAt: Date;
}

export interface FeedOptions {
  /** Where the deadlines fall: the owner's zone (null: UTC). */
  timeZone: string | null;
  /** The deadline's title prefix and the calendar's name, in the owner's language. */
  deadlinePrefix: string;
  calendarName: string;
}

const utc = (date: Date) => ICAL.Time.fromJSDate(date, true);
/** An all-day boundary: its days are kept as midnights UTC (see the calendar contract). */
const day = (date: Date) => ICAL.Time.fromDateString(date.toISOString().slice(0, 10));

function writeEvent(event: FeedEvent): ICAL.Component {
  const v = new ICAL.Component('vevent');
  v.updatePropertyWithValue('uid', event.uid);
  v.updatePropertyWithValue('dtstamp', utc(event.updatedAt));
  v.updatePropertyWithValue('last-modified', utc(event.updatedAt));
  if (event.allDay) {
    v.updatePropertyWithValue('dtstart', day(event.start));
    v.updatePropertyWithValue('dtend', day(event.end));
  } else if (event.recurrence && event.timeZone) {
    // Clients know IANA names; the wall time in that zone is what the rule repeats.
    const local = (date: Date) =>
      ICAL.Time.fromDateTimeString(DateTime.fromJSDate(date, { zone: event.timeZone! }).toFormat("yyyy-MM-dd'T'HH:mm:ss"));
    v.updatePropertyWithValue('dtstart', local(event.start)).setParameter('tzid', event.timeZone);
    v.updatePropertyWithValue('dtend', local(event.end)).setParameter('tzid', event.timeZone);
  } else {
    v.updatePropertyWithValue('dtstart', utc(event.start));
    v.updatePropertyWithValue('dtend', utc(event.end));
  }
  if (event.recurrenceId) {
    v.updatePropertyWithValue('recurrence-id', event.allDay ? day(event.recurrenceId) : utc(event.recurrenceId));
  }
  v.updatePropertyWithValue('summary', event.title);
  if (event.description) v.updatePropertyWithValue('description', event.description);
  if (event.location) v.updatePropertyWithValue('location', event.location);
  for (const line of (event.recurrence ?? '').split(/\r?\n/)) {
    if (/^(RRULE|EXDATE|RDATE)[;:]/i.test(line.trim())) v.addProperty(ICAL.Property.fromString(line.trim()));
  }
  return v;
}

function writeDeadline(task: FeedDeadline, options: FeedOptions): ICAL.Component {
  const v = new ICAL.Component('vevent');
  const date = DateTime.fromJSDate(task.deadline, { zone: options.timeZone ?? 'UTC' });
  v.updatePropertyWithValue('uid', `task-${task.id}@panoramix`);
  v.updatePropertyWithValue('dtstamp', utc(task.updatedAt));
  v.updatePropertyWithValue('dtstart', ICAL.Time.fromDateString(date.toISODate()!));
  v.updatePropertyWithValue('dtend', ICAL.Time.fromDateString(date.plus({ days: 1 }).toISODate()!));
  v.updatePropertyWithValue('summary', `${options.deadlinePrefix}${task.title}`);
  v.updatePropertyWithValue('transp', 'TRANSPARENT'); // a deadline does not make its owner busy
  return v;
}

/** The feed as iCalendar text: events, then the deadlines as all-day entries on their day. */
export function buildFeed(events: readonly FeedEvent[], deadlines: readonly FeedDeadline[], options: FeedOptions): string {
  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.updatePropertyWithValue('version', '2.0');
  calendar.updatePropertyWithValue('prodid', '-//Panoramix//Calendar feed//EN');
  calendar.updatePropertyWithValue('calscale', 'GREGORIAN');
  calendar.updatePropertyWithValue('x-wr-calname', options.calendarName);
  for (const event of events) calendar.addSubcomponent(writeEvent(event));
  for (const task of deadlines) calendar.addSubcomponent(writeDeadline(task, options));
  return `${calendar.toString()}\r\n`;
}

import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildFeed } from './ics.ts';
import type { FeedEvent } from './ics.ts';

const options = { timeZone: 'Europe/Paris', deadlinePrefix: 'Échéance : ', calendarName: 'Panoramix' };
const updatedAt = new Date('2026-11-30T08:00:00Z');

const anEvent = (overrides: Partial<FeedEvent> = {}): FeedEvent => ({
  uid: 'meeting@example.test',
  title: 'Point équipe, salle B; étage 2',
  description: 'Ordre du jour\nBudget',
  location: 'Paris',
  start: new Date('2026-12-01T09:00:00Z'),
  end: new Date('2026-12-01T10:00:00Z'),
  allDay: false,
  recurrence: null,
  timeZone: null,
  recurrenceId: null,
  updatedAt,
  ...overrides,
});

/** The feed read back by an iCalendar parser, as a phone would. */
const readBack = (text: string) => {
  const calendar = new ICAL.Component(ICAL.parse(text) as never);
  return { calendar, events: calendar.getAllSubcomponents('vevent') };
};

describe('buildFeed', () => {
  it('writes a calendar a parser reads back, text escaped and lines ending in CRLF', () => {
    const text = buildFeed([anEvent()], [], options);
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text).toContain('SUMMARY:Point équipe\\, salle B\\; étage 2');
    const { calendar, events } = readBack(text);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBeTruthy();
    const event = new ICAL.Event(events[0]!);
    expect(event.uid).toBe('meeting@example.test');
    expect(event.summary).toBe('Point équipe, salle B; étage 2');
    expect(event.description).toBe('Ordre du jour\nBudget');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-01T09:00:00.000Z');
    expect(events[0]!.getFirstPropertyValue('dtstamp')).toBeTruthy();
  });

  it('writes all-day events as dates, the end exclusive', () => {
    const text = buildFeed(
      [anEvent({ allDay: true, start: new Date('2026-12-24T00:00:00Z'), end: new Date('2026-12-26T00:00:00Z') })],
      [],
      options,
    );
    expect(text).toContain('DTSTART;VALUE=DATE:20261224');
    expect(text).toContain('DTEND;VALUE=DATE:20261226');
  });

  it('writes a series in its zone, so its occurrences keep their wall time across DST, with its EXDATE', () => {
    const series = anEvent({
      start: new Date('2026-10-19T07:00:00Z'), // 09:00 in Paris, summer time
      end: new Date('2026-10-19T08:00:00Z'),
      recurrence: 'RRULE:FREQ=WEEKLY;BYDAY=MO\nEXDATE:20261026T080000Z',
      timeZone: 'Europe/Paris',
    });
    const text = buildFeed([series], [], options);
    expect(text).toContain('DTSTART;TZID=Europe/Paris:20261019T090000');
    expect(text).toContain('RRULE:FREQ=WEEKLY;BYDAY=MO');
    expect(text).toContain('EXDATE:20261026T080000Z');
  });

  it('writes a changed occurrence under its series UID with its RECURRENCE-ID', () => {
    const moved = anEvent({
      uid: 'meeting@example.test',
      start: new Date('2026-12-08T13:00:00Z'),
      end: new Date('2026-12-08T14:00:00Z'),
      recurrenceId: new Date('2026-12-08T09:00:00Z'),
    });
    const { events } = readBack(buildFeed([moved], [], options));
    expect(events[0]!.getFirstPropertyValue('uid')).toBe('meeting@example.test');
    expect(String(events[0]!.getFirstPropertyValue('recurrence-id'))).toBe('2026-12-08T09:00:00Z');
  });

  it("writes a task deadline as an all-day entry on its day in the owner's zone", () => {
    const late = {
      id: '665f1c2e9b1e8a0012345678',
      title: 'Rendre le rapport',
      deadline: new Date('2026-12-24T23:30:00Z'),
      updatedAt,
    };
    const text = buildFeed([], [late], options);
    expect(text).toContain('UID:task-665f1c2e9b1e8a0012345678@panoramix');
    expect(text).toContain('DTSTART;VALUE=DATE:20261225'); // 00:30 on the 25th in Paris
    expect(text).toContain('DTEND;VALUE=DATE:20261226');
    expect(text).toContain('SUMMARY:Échéance : Rendre le rapport');
    expect(text).toContain('TRANSP:TRANSPARENT');
    expect(buildFeed([], [late], { ...options, timeZone: null })).toContain('DTSTART;VALUE=DATE:20261224');
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IcsSyntaxError, parseIcs } from './ics-parser.ts';
import { expandSeries } from './recurrence.ts';

const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');
const parse = (name: string, timeZone: string | null = 'Europe/Paris') => parseIcs(fixture(name), { timeZone });
const iso = (dates: Date[]) => dates.map((d) => d.toISOString());
const range = (from: string, to: string) => ({ from: new Date(from), to: new Date(to) });

function occurrences(name: string, from = '2026-01-01T00:00:00Z', to = '2027-01-01T00:00:00Z') {
  const [series] = parse(name).events.filter((e) => e.recurrence);
  if (!series?.recurrence) throw new Error(`${name} has no series`);
  return expandSeries({ ...series, recurrence: series.recurrence }, range(from, to), { steps: 60_000 });
}

describe('iCalendar parsing and recurrence', () => {
  it('weekly RRULE with EXDATE: the excluded Monday is left out', () => {
    const { starts, truncated } = occurrences('weekly-rrule-exdate.ics');
    expect(iso(starts)).toEqual([
      '2026-11-02T09:00:00.000Z',
      '2026-11-09T09:00:00.000Z',
      '2026-11-23T09:00:00.000Z',
      '2026-11-30T09:00:00.000Z',
      '2026-12-07T09:00:00.000Z',
    ]);
    expect(truncated).toBe(false);
  });

  it('moved occurrence: the override keeps its own time and the series skips it; a cancelled one becomes an EXDATE', () => {
    const { events } = parse('moved-occurrence.ics');
    const moved = events.find((e) => e.recurrenceId);
    expect(moved).toMatchObject({ title: 'Sync (déplacé)', start: new Date('2026-11-04T16:00:00Z') });
    expect(moved?.recurrenceId?.toISOString()).toBe('2026-11-04T14:00:00.000Z');
    const series = events.find((e) => e.recurrence)!;
    const { starts } = expandSeries(
      { ...series, recurrence: series.recurrence! },
      range('2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z'),
      { steps: 100 },
      new Set([moved!.recurrenceId!.getTime()]),
    );
    expect(iso(starts)).toEqual(['2026-11-02T14:00:00.000Z', '2026-11-03T14:00:00.000Z', '2026-11-06T14:00:00.000Z']);
  });

  it('all-day multi-day: dates stay dates (midnight UTC), and local midnights a whole number of days apart count as all-day', () => {
    const { events } = parse('all-day-multi-day.ics');
    expect(events.map((e) => [e.title, e.allDay, e.start.toISOString(), e.end.toISOString()])).toEqual([
      ['Vacances', true, '2026-12-24T00:00:00.000Z', '2026-12-27T00:00:00.000Z'],
      ['Séminaire', true, '2026-12-07T00:00:00.000Z', '2026-12-09T00:00:00.000Z'],
    ]);
  });

  it('floating time: read in the user’s time zone', () => {
    expect(parse('floating-time.ics', 'Europe/Paris').events[0]?.start.toISOString()).toBe('2026-07-15T10:30:00.000Z');
    expect(parse('floating-time.ics', 'America/New_York').events[0]?.start.toISOString()).toBe('2026-07-15T16:30:00.000Z');
    expect(parse('floating-time.ics', null).events[0]?.start.toISOString()).toBe('2026-07-15T12:30:00.000Z');
  });

  it('Europe/Paris TZID across DST: 09:00 stays 09:00 in Paris when the clocks go back', () => {
    const { starts } = occurrences('europe-paris-tzid-across-dst.ics');
    // 25 October 2026: CEST (UTC+2) ends; 2 November is excluded; UNTIL stops after 9 November.
    expect(iso(starts)).toEqual(['2026-10-19T07:00:00.000Z', '2026-10-26T08:00:00.000Z', '2026-11-09T08:00:00.000Z']);
  });

  it('a TZID only the file defines (Outlook’s Windows names) is read with its VTIMEZONE', () => {
    expect(parse('windows-tzid-with-vtimezone.ics').events[0]?.start.toISOString()).toBe('2026-07-01T08:00:00.000Z');
  });

  it('bad RRULE: that VEVENT is skipped with its reason, the others are kept', () => {
    const { events, skips } = parse('bad-rrule.ics');
    expect(events.map((e) => e.uid)).toEqual(['good-one@example.test']);
    expect(skips).toEqual([
      { uid: 'bad-rule@example.test', title: 'Règle cassée', reason: expect.stringMatching(/invalid RRULE.*FORTNIGHTLY/) },
      { uid: '', title: 'Sans UID', reason: 'no UID' },
    ]);
  });

  it('huge recurrence: 100,000 occurrences are walked no further than the cap, and the answer says it was cut', () => {
    const started = performance.now();
    const { starts, truncated } = occurrences('huge-recurrence.ics', '2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z');
    expect(truncated).toBe(true);
    expect(starts.length).toBeGreaterThan(1000);
    expect(starts.length).toBeLessThan(100_000);
    // Not a timing target (see the bench): a guard against walking all of them.
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('a series begun years ago skips ahead to the range instead of walking every week since', () => {
    const budget = { steps: 60_000 };
    const series = {
      start: new Date('1990-01-01T08:00:00Z'),
      end: new Date('1990-01-01T09:00:00Z'),
      allDay: false,
      timeZone: 'Europe/Paris',
      recurrence: 'RRULE:FREQ=WEEKLY;BYDAY=MO,WE',
    };
    const { starts } = expandSeries(series, range('2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z'), budget);
    expect(starts).toHaveLength(9);
    expect(starts[0]?.toISOString()).toBe('2026-11-02T08:00:00.000Z');
    expect(60_000 - budget.steps).toBeLessThan(30);
  });

  it('a file that is not iCalendar is refused as a whole', () => {
    expect(() => parseIcs('name;amount\nlunch;12', { timeZone: null })).toThrow(IcsSyntaxError);
  });
});

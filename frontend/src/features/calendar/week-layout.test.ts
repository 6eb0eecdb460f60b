import { describe, expect, it } from 'vitest';
import { wallOfDay } from './calendar-time.ts';
import { layoutAllDay, layoutDay } from './week-layout.ts';
import type { CalendarItem } from './week-layout.ts';

let n = 0;
const item = (fields: Partial<CalendarItem> & Pick<CalendarItem, 'start' | 'end'>): CalendarItem => ({
  id: `e${++n}`,
  kind: 'event',
  title: fields.title ?? `Event ${n}`,
  allDay: false,
  editable: true,
  ...fields,
});
const day = wallOfDay('2026-03-25');
const at = (time: string) => `2026-03-25T${time}:00.000Z`;

describe('week layout of overlapping events', () => {
  it('puts two overlapping events side by side and a later one back at full width', () => {
    const a = item({ title: 'A', start: at('09:00'), end: at('10:30') });
    const b = item({ title: 'B', start: at('10:00'), end: at('11:00') });
    const c = item({ title: 'C', start: at('11:00'), end: at('12:00') });
    const laid = layoutDay([c, b, a], day, 'UTC');
    const of = (x: CalendarItem) => laid.find((s) => s.item === x)!;
    expect([of(a).column, of(a).columns]).toEqual([0, 2]);
    expect([of(b).column, of(b).columns]).toEqual([1, 2]);
    expect([of(c).column, of(c).columns]).toEqual([0, 1]); // starts when B ends: not beside it
    expect([of(a).top, of(a).bottom]).toEqual([9 * 60, 10 * 60 + 30]);
  });

  it('reuses a freed column inside a chain of overlaps: three columns for A, B, C, D', () => {
    const a = item({ start: at('09:00'), end: at('12:00') });
    const b = item({ start: at('09:30'), end: at('10:00') });
    const c = item({ start: at('09:45'), end: at('11:00') });
    const d = item({ start: at('10:15'), end: at('10:45') }); // B's column is free again
    const laid = layoutDay([a, b, c, d], day, 'UTC');
    expect(laid.map((s) => [s.column, s.columns])).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
      [1, 3],
    ]);
  });

  it('clips an event crossing midnight to each day and keeps zero-length ones visible', () => {
    const late = item({ start: at('23:00'), end: '2026-03-26T01:00:00.000Z' });
    const instant = item({ start: at('08:00'), end: at('08:00') });
    expect(layoutDay([late, instant], day, 'UTC').map((s) => [s.top, s.bottom])).toEqual([
      [8 * 60, 8 * 60 + 15],
      [23 * 60, 24 * 60],
    ]);
    expect(layoutDay([late], wallOfDay('2026-03-26'), 'UTC').map((s) => [s.top, s.bottom])).toEqual([[0, 60]]);
  });

  it('places events in the preference zone: 08:00 UTC is 09:00 in Paris', () => {
    const laid = layoutDay([item({ start: at('08:00'), end: at('09:00') })], day, 'Europe/Paris');
    expect(laid[0]!.top).toBe(9 * 60);
  });

  it('stacks all-day events in lanes over the days they cover, clipped to the week', () => {
    const monday = wallOfDay('2026-03-23');
    const days = Array.from({ length: 7 }, (_, i) => monday + i * 86_400_000);
    const trip = item({ allDay: true, start: '2026-03-20T00:00:00.000Z', end: '2026-03-26T00:00:00.000Z' }); // Fri 20 – Wed 25
    const wed = item({ allDay: true, start: '2026-03-25T00:00:00.000Z', end: '2026-03-26T00:00:00.000Z' });
    const fri = item({ allDay: true, start: '2026-03-27T00:00:00.000Z', end: '2026-03-27T00:00:00.000Z' }); // end = start: one day
    const bars = layoutAllDay([wed, fri, trip], days);
    expect(bars.map((b) => [b.item.id, b.firstColumn, b.span, b.lane])).toEqual([
      [trip.id, 0, 3, 0],
      [wed.id, 2, 1, 1],
      [fri.id, 4, 1, 0],
    ]);
  });
});

describe('the night summer time starts in Paris (29 March 2026, 02:00 → 03:00)', () => {
  it('draws an event at its wall-clock times: 01:30–03:30 spans two rows of hours though it lasts one', () => {
    const night = item({ start: '2026-03-29T00:30:00.000Z', end: '2026-03-29T01:30:00.000Z' });
    const laid = layoutDay([night], wallOfDay('2026-03-29'), 'Europe/Paris');
    expect(laid.map((s) => [s.top, s.bottom])).toEqual([[90, 210]]);
  });

  it('places the next morning’s 09:00 at 09:00 on either side of the change', () => {
    const before = item({ start: '2026-03-28T08:00:00.000Z', end: '2026-03-28T09:00:00.000Z' });
    const after = item({ start: '2026-03-29T07:00:00.000Z', end: '2026-03-29T08:00:00.000Z' });
    expect(layoutDay([before], wallOfDay('2026-03-28'), 'Europe/Paris')[0]!.top).toBe(9 * 60);
    expect(layoutDay([after], wallOfDay('2026-03-29'), 'Europe/Paris')[0]!.top).toBe(9 * 60);
  });
});

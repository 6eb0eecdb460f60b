import { DAY, MINUTE, startOfDay, wallOf, wallOfDay } from './calendar-time.ts';
import type { Wall } from './calendar-time.ts';

/** What the views draw: an event, or (with the toggle) a task's deadline or an alarm. */
export interface CalendarItem {
  id: string;
  kind: 'event' | 'task' | 'alarm';
  title: string;
  /** ISO instants; for an all-day item, midnight UTC of its first day and of the day after its last. */
  start: string;
  end: string;
  allDay: boolean;
  /** Whether it can be moved and resized here (a manual, single event). */
  editable: boolean;
  /** Where opening it goes (a task, an alarm); an event opens in the calendar's own form. */
  href?: string;
}

/** One item's part inside one day column, in minutes since that day's wall midnight. */
export interface Segment {
  item: CalendarItem;
  top: number;
  bottom: number;
  /** Side by side with the items it overlaps: its column among `columns`. */
  column: number;
  columns: number;
}

/** The shortest height an item is drawn with, so a zero-length one stays visible and clickable. */
const MIN_MINUTES = 15;
const DAY_MINUTES = DAY / MINUTE;

/** The days an all-day item covers: its first one and the one after its last (an end past midnight counts that day). */
export function allDaySpan(item: CalendarItem): { first: Wall; after: Wall } {
  const first = wallOfDay(item.start.slice(0, 10));
  const end = Date.parse(item.end);
  const after = Math.max(first + DAY, end % DAY === 0 ? end : startOfDay(end) + DAY);
  return { first, after };
}

/**
 * The timed items of one day, each clipped to the day and given a column: items that overlap,
 * directly or through others, share the day's width; each takes the leftmost column free at its
 * start (longer first on equal starts, as calendars usually draw them).
 */
export function layoutDay(items: readonly CalendarItem[], day: Wall, zone: string | undefined): Segment[] {
  const placed = items
    .filter((item) => !item.allDay)
    .flatMap((item) => {
      const start = (wallOf(item.start, zone) - day) / MINUTE;
      const end = (wallOf(item.end, zone) - day) / MINUTE;
      if (start >= DAY_MINUTES || !(end > 0 || (end === start && start >= 0))) return [];
      const top = Math.max(0, start);
      return [{ item, top, bottom: Math.min(DAY_MINUTES, Math.max(end, top + MIN_MINUTES)), column: 0, columns: 1 }];
    })
    .sort((a, b) => a.top - b.top || b.bottom - a.bottom || a.item.id.localeCompare(b.item.id));

  let cluster: Segment[] = [];
  let columnEnds: number[] = [];
  const close = () => {
    for (const segment of cluster) segment.columns = columnEnds.length;
    cluster = [];
    columnEnds = [];
  };
  for (const segment of placed) {
    if (cluster.length > 0 && columnEnds.every((end) => end <= segment.top)) close();
    const free = columnEnds.findIndex((end) => end <= segment.top);
    segment.column = free === -1 ? columnEnds.length : free;
    columnEnds[segment.column] = segment.bottom;
    cluster.push(segment);
  }
  close();
  return placed;
}

/** An all-day item in the row above the hours: the columns it covers in the shown days, and its lane. */
export interface Bar {
  item: CalendarItem;
  firstColumn: number;
  span: number;
  lane: number;
}

/** The all-day items over `days` (consecutive wall midnights), stacked in lanes so none covers another. */
export function layoutAllDay(items: readonly CalendarItem[], days: readonly Wall[]): Bar[] {
  const first = days[0]!;
  const after = days[days.length - 1]! + DAY;
  const lanes: number[] = [];
  return items
    .filter((item) => item.allDay)
    .map((item) => ({ item, ...allDaySpan(item) }))
    .filter((span) => span.first < after && span.after > first)
    .sort((a, b) => a.first - b.first || b.after - a.after || a.item.title.localeCompare(b.item.title))
    .map(({ item, first: start, after: end }) => {
      const firstColumn = Math.max(0, (start - first) / DAY);
      const lastColumn = Math.min(days.length, (end - first) / DAY);
      const free = lanes.findIndex((taken) => taken <= firstColumn);
      const lane = free === -1 ? lanes.length : free;
      lanes[lane] = lastColumn;
      return { item, firstColumn, span: lastColumn - firstColumn, lane };
    });
}

/** The items shown on one day, all-day ones first then by start (the month grid and the agenda). */
export function itemsOnDay(items: readonly CalendarItem[], day: Wall, zone: string | undefined): CalendarItem[] {
  const after = day + DAY;
  return items
    .filter((item) => {
      if (item.allDay) {
        const span = allDaySpan(item);
        return span.first < after && span.after > day;
      }
      const start = wallOf(item.start, zone);
      const end = wallOf(item.end, zone);
      return start < after && (end > day || (start === end && start >= day));
    })
    .sort((a, b) => Number(b.allDay) - Number(a.allDay) || a.start.localeCompare(b.start) || a.title.localeCompare(b.title));
}

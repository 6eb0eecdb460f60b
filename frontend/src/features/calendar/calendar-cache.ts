import type { CalendarEvent, CalendarRange } from '@panoramix/contracts';
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { EventAppliers } from '../../api/event-appliers.ts';

/** Every range read so far is cached under this prefix, then its `from` and `to`. */
export const eventsKey = ['calendar', 'events'] as const;
export const rangeKey = (from: string, to: string) => [...eventsKey, from, to] as const;
/** The alarms the calendar shows with the toggle on (their own list: features do not share caches). */
export const calendarAlarmsKey = ['calendar', 'alarms'] as const;

/** A series shows as occurrences the server computes: any change to it reads the ranges again. */
const isSeries = (event: CalendarEvent) => event.recurrence !== undefined || event.recurringEventId !== undefined;

const overlaps = (event: CalendarEvent, key: QueryKey) => {
  const [, , from, to] = key as readonly [string, string, string, string];
  return event.start < to && (event.end > from || (event.start === event.end && event.start >= from));
};

const byStart = (a: CalendarEvent, b: CalendarEvent) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id);

function editRanges(queryClient: QueryClient, edit: (items: CalendarEvent[], key: QueryKey) => CalendarEvent[]) {
  for (const [key, range] of queryClient.getQueriesData<CalendarRange>({ queryKey: eventsKey })) {
    if (range) queryClient.setQueryData<CalendarRange>(key, { ...range, items: edit(range.items, key) });
  }
}

/**
 * A version of an event into every cached range it overlaps (and out of those it left): our own
 * answer and its event both arrive, in either order, so an older version never replaces a newer
 * one, unless `force` (an optimistic copy, a rollback).
 */
export function putEvent(queryClient: QueryClient, event: CalendarEvent, force = false) {
  if (isSeries(event)) {
    void queryClient.invalidateQueries({ queryKey: eventsKey });
    return;
  }
  editRanges(queryClient, (items, key) => {
    const current = items.find((e) => e.id === event.id);
    if (current && !force && current.updatedAt > event.updatedAt) return items;
    const others = items.filter((e) => e.id !== event.id);
    return overlaps(event, key) ? [...others, event].sort(byStart) : others;
  });
}

/** An event (every occurrence of a series) out of every cached range. */
export function dropEvent(queryClient: QueryClient, id: string) {
  editRanges(queryClient, (items) => (items.some((e) => e.id === id) ? items.filter((e) => e.id !== id) : items));
}

const readAlarmsAgain = (queryClient: QueryClient) => void queryClient.invalidateQueries({ queryKey: calendarAlarmsKey });

export const calendarEvents: EventAppliers = {
  'calendar.event.created': (queryClient, event) => putEvent(queryClient, event),
  'calendar.event.updated': (queryClient, event) => putEvent(queryClient, event),
  'calendar.event.deleted': (queryClient, { id }) => dropEvent(queryClient, id),
  'calendar.events.changed': (queryClient) => void queryClient.invalidateQueries({ queryKey: eventsKey }),
  'alarm.created': readAlarmsAgain,
  'alarm.updated': readAlarmsAgain,
  'alarm.deleted': readAlarmsAgain,
};

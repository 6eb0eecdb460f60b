import type { CalendarEvent, CreateCalendarEventBody, Task, UpdateCalendarEventBody } from '@panoramix/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from 'virtual:panoramix/contracts';
import { call } from '../../api/client.ts';
import { useReplica } from '../../api/replica/use-replica.ts';
import { toDateInput } from '../../lib/date-input.ts';
import { showToast } from '../../lib/toasts.ts';
import { calendarAlarmsKey, dropEvent, putEvent, rangeKey } from './calendar-cache.ts';
import type { CalendarItem } from './week-layout.ts';

/** The events overlapping `[from, to)`, recurring ones expanded by the server. */
export function useEventRange(from: string, to: string) {
  return useQuery({
    queryKey: rangeKey(from, to),
    queryFn: ({ signal }) => call(routes.calendarEvents.list, { query: { from, to }, signal }),
  });
}

/** Moved, resized and edited here; a series or a subscribed event is changed where it comes from. */
export const isEditable = (event: CalendarEvent) =>
  event.source !== 'subscription' && event.recurrence === undefined && event.recurringEventId === undefined;

export const itemOfEvent = (event: CalendarEvent): CalendarItem => ({
  // Occurrences of a series share the master's id.
  id: event.occurrenceStart ? `${event.id}@${event.occurrenceStart}` : event.id,
  kind: 'event',
  title: event.title,
  start: event.start,
  end: event.end,
  allDay: event.allDay,
  editable: isEditable(event),
});

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString();

/**
 * With the toggle on: tasks with a deadline on the day it falls in `zone` (from the live replica,
 * nothing sent), and alarms to come at the time they ring.
 */
export function useTasksAndAlarms(enabled: boolean, zone: string | undefined): CalendarItem[] {
  const selectTasks = useCallback(
    (tasks: Task[]): CalendarItem[] =>
      tasks.flatMap((task) => {
        if (!task.deadline || task.status === 'cancelled') return [];
        const day = toDateInput(task.deadline, zone);
        return [
          {
            id: `task:${task.id}`,
            kind: 'task',
            title: task.title,
            start: `${day}T00:00:00.000Z`,
            end: nextDay(day),
            allDay: true,
            editable: false,
            href: `/tasks?open=${task.id}`,
          },
        ];
      }),
    [zone],
  );
  const tasks = useReplica('tasks', selectTasks);
  const alarms = useQuery({
    queryKey: calendarAlarmsKey,
    enabled,
    queryFn: ({ signal }) => call(routes.alarms.list, { query: { limit: 200 }, signal }).then((page) => page.items),
  });
  if (!enabled) return [];
  const ringing = (alarms.data ?? []).flatMap((alarm): CalendarItem[] =>
    alarm.effectiveAt
      ? [
          {
            id: `alarm:${alarm.id}`,
            kind: 'alarm',
            title: alarm.title,
            start: alarm.effectiveAt,
            end: alarm.effectiveAt,
            allDay: false,
            editable: false,
            href: `/alarms?open=${alarm.id}`,
          },
        ]
      : [],
  );
  return [...(tasks.data ?? []), ...ringing];
}

export function useCalendarOperations() {
  const queryClient = useQueryClient();
  const { t } = useTranslation('calendar');
  const { t: tc } = useTranslation();
  const failed = (error: Error) => showToast(error.message, 'error');

  const create = useMutation({
    mutationFn: (body: CreateCalendarEventBody) => call(routes.calendarEvents.create, { body }),
    onSuccess: (event) => putEvent(queryClient, event),
    onError: failed,
  });
  /** Shows at once (a drag lands where it was dropped); on failure the event goes back where it was. */
  const update = useMutation({
    mutationFn: ({ event, patch }: { event: CalendarEvent; patch: UpdateCalendarEventBody }) =>
      call(routes.calendarEvents.update, { params: { id: event.id }, body: patch }),
    onMutate: ({ event, patch }) => putEvent(queryClient, { ...event, ...patch } as CalendarEvent, true),
    onSuccess: (event) => putEvent(queryClient, event),
    onError: (error, { event }) => {
      putEvent(queryClient, event, true);
      failed(error);
    },
  });
  /** "Annuler" of a deletion: the server keeps it a day and puts the same event back. */
  const restore = useMutation({
    mutationFn: (id: string) => call(routes.calendarEvents.restore, { params: { id } }),
    onSuccess: (event) => putEvent(queryClient, event),
    onError: failed,
  });
  const remove = useMutation({
    mutationFn: (event: CalendarEvent) => call(routes.calendarEvents.remove, { params: { id: event.id } }),
    onMutate: (event) => dropEvent(queryClient, event.id),
    onSuccess: (_, event) =>
      showToast(t('deleted', { title: event.title }), 'info', { label: tc('ui.undo'), run: () => restore.mutate(event.id) }),
    onError: (error, event) => {
      putEvent(queryClient, event, true);
      failed(error);
    },
  });
  return { create, update, remove };
}

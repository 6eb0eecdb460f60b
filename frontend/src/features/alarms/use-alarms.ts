import type { Alarm, routes as contractRoutes, RouteBodyInput } from '@panoramix/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes } from 'virtual:panoramix/contracts';
import { call } from '../../api/client.ts';
import { usePreferences } from '../../api/preferences-store.ts';
import { alarmsKey, dropAlarm, putAlarm } from './alarm-cache.ts';

/** The most a user is expected to keep; the list is one request. */
const LIST_LIMIT = 200;

export function useAlarms() {
  return useQuery({
    queryKey: alarmsKey,
    queryFn: ({ signal }) => call(routes.alarms.list, { query: { limit: LIST_LIMIT }, signal }).then((page) => page.items),
  });
}

/** The zone an alarm's time is typed in and its recurrence computed in: the preference, else the device's. */
export function useAlarmZone(): string {
  const { timeZone } = usePreferences();
  return timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** When it rings next, for sorting: enabled alarms by that time, then the others. */
const nextRing = (alarm: Alarm) => (alarm.effectiveAt ? Date.parse(alarm.effectiveAt) : Number.POSITIVE_INFINITY);

export const byNextRing = (a: Alarm, b: Alarm) => nextRing(a) - nextRing(b) || b.createdAt.localeCompare(a.createdAt);

export type CreateAlarm = RouteBodyInput<typeof contractRoutes.alarms.create>;
export type UpdateAlarm = RouteBodyInput<typeof contractRoutes.alarms.update>;

export function useAlarmOperations() {
  const queryClient = useQueryClient();
  const put = (alarm: Alarm) => putAlarm(queryClient, alarm);
  const create = useMutation({ mutationFn: (body: CreateAlarm) => call(routes.alarms.create, { body }), onSuccess: put });
  const update = useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateAlarm }) => call(routes.alarms.update, { params: { id }, body }),
    onSuccess: put,
  });
  const snooze = useMutation({
    mutationFn: ({ id, minutes }: { id: string; minutes: number }) =>
      call(routes.alarms.snooze, { params: { id }, body: { minutes } }),
    onSuccess: put,
  });
  const dismiss = useMutation({ mutationFn: (id: string) => call(routes.alarms.dismiss, { params: { id } }), onSuccess: put });
  const remove = useMutation({
    mutationFn: (id: string) => call(routes.alarms.remove, { params: { id } }),
    onSuccess: (_, id) => dropAlarm(queryClient, id),
  });
  return { create, update, snooze, dismiss, remove };
}

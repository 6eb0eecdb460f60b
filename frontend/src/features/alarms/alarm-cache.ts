import type { Alarm, DomainEventMap } from '@panoramix/contracts';
import type { QueryClient } from '@tanstack/react-query';
import type { EventAppliers } from '../../api/event-appliers.ts';
import { createStore } from '../../lib/store.ts';

/** The query holding my alarms (one page: alarms are few). */
export const alarmsKey = ['alarms'] as const;

/** Alarms ringing now in this browser, oldest first: the dialog shows the first. */
export const ringingStore = createStore<readonly DomainEventMap['alarm.fired'][]>([]);

const stopRinging = (id: string) => {
  const ringing = ringingStore.get();
  if (ringing.some((r) => r.alarm.id === id)) ringingStore.set(ringing.filter((r) => r.alarm.id !== id));
};

/** A version of an alarm into the list: our own answer and its event both arrive, in either order; the later write wins. */
export function putAlarm(queryClient: QueryClient, alarm: Alarm) {
  queryClient.setQueryData<Alarm[]>(alarmsKey, (alarms) => {
    if (!alarms) return alarms;
    const current = alarms.find((a) => a.id === alarm.id);
    if (current && current.updatedAt > alarm.updatedAt) return alarms;
    return current ? alarms.map((a) => (a.id === alarm.id ? alarm : a)) : [alarm, ...alarms];
  });
  // Snoozed or dismissed here or in another browser: it stops ringing everywhere.
  if (!alarm.ringing) stopRinging(alarm.id);
}

export function dropAlarm(queryClient: QueryClient, id: string) {
  queryClient.setQueryData<Alarm[]>(alarmsKey, (alarms) => alarms?.filter((a) => a.id !== id));
  stopRinging(id);
}

export const alarmEvents: EventAppliers = {
  'alarm.created': putAlarm,
  'alarm.updated': putAlarm,
  'alarm.deleted': (queryClient, { id }) => dropAlarm(queryClient, id),
  'alarm.fired': (queryClient, fired) => {
    putAlarm(queryClient, fired.alarm);
    ringingStore.set([...ringingStore.get().filter((r) => r.alarm.id !== fired.alarm.id), fired]);
  },
};

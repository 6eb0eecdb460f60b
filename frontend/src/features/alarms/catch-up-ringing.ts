import type { Alarm } from '@panoramix/contracts';
import { useEffect, useRef } from 'react';
import { ringingStore } from './alarm-cache.ts';
import { useAlarms } from './use-alarms.ts';

/** One ring of one alarm: a new firing of the same alarm is another ring. */
const ringKey = (alarm: Alarm) => `${alarm.id}@${alarm.lastFiredAt ?? ''}`;

/**
 * Rings that started while this browser was closed or offline: the list says an alarm rings
 * (fired, not yet snoozed or dismissed) but no `alarm.fired` reached this browser. Each such ring
 * joins the dialog once; one hidden with Esc does not come back when the list is read again.
 */
export function useCatchUpRinging(): void {
  const { data: alarms } = useAlarms();
  const seen = useRef(new Set<string>());

  useEffect(() => {
    if (!alarms) return;
    const ringing = ringingStore.get();
    for (const { alarm } of ringing) seen.current.add(ringKey(alarm));
    const missed = alarms.filter((alarm) => alarm.ringing && !seen.current.has(ringKey(alarm)));
    for (const alarm of missed) seen.current.add(ringKey(alarm));
    if (missed.length === 0) return;
    const asFired = missed.map((alarm) => ({ alarm, dueAt: alarm.lastFiredAt ?? alarm.nextTriggerAt, late: false }));
    ringingStore.set([...ringing, ...asFired].sort((a, b) => a.dueAt.localeCompare(b.dueAt)));
  }, [alarms]);
}

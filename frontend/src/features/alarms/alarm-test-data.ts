import type { Alarm } from '@panoramix/contracts';
import { entityBase } from '../../test-builders.ts';

/** A one-off alarm due in `n` hours (n counts the builders called), for the tests of this folder. */
export function anAlarm(overrides: Partial<Alarm> = {}): Alarm {
  const { n, ...base } = entityBase();
  const at = new Date(Date.now() + n * 3600_000).toISOString();
  return {
    ...base,
    title: `alarm ${n}`,
    enabled: true,
    nextTriggerAt: at,
    recurrence: { type: 'none' },
    timeZone: 'Europe/Paris',
    snoozedUntilAt: null,
    done: false,
    acknowledgedAt: null,
    lastFiredAt: null,
    effectiveAt: at,
    ringing: false,
    taskId: null,
    ...overrides,
  };
}

import { z } from 'zod';
import { idParams, isoDateTime, label, objectId, ownedFields, page, pageQuery } from './common.ts';
import { defineRoute } from './http.ts';
import { ianaTimeZone } from './preferences.ts';

/**
 * How an alarm repeats, computed in its time zone: daily at the same wall-clock time, weekly on
 * the chosen days (0 = Sunday … 6 = Saturday, as JavaScript's getDay), monthly on the same day
 * (the 31st falls on the last day of shorter months).
 */
export const recurrence = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('none') }),
    z.strictObject({ type: z.literal('daily') }),
    z.strictObject({
      type: z.literal('weekly'),
      daysOfWeek: z
        .array(z.number().int().min(0).max(6))
        .min(1, 'must name at least one day')
        .max(7)
        .refine((days) => new Set(days).size === days.length, 'must not repeat a day'),
    }),
    z.strictObject({ type: z.literal('monthly') }),
  ])
  .meta({ id: 'AlarmRecurrence' });
export type Recurrence = z.infer<typeof recurrence>;

export const snoozeMinutes = [5, 15, 60] as const;

export const alarm = ownedFields
  .extend({
    title: z.string(),
    enabled: z.boolean(),
    /** The scheduled occurrence; a dismissed recurring alarm moves it to the next one. */
    nextTriggerAt: isoDateTime,
    recurrence,
    /** IANA zone the recurrence is computed in (a daily 09:00 stays 09:00 across DST changes). */
    timeZone: z.string(),
    /** When set, the alarm rings then instead of at nextTriggerAt. */
    snoozedUntilAt: isoDateTime.nullable(),
    done: z.boolean(),
    acknowledgedAt: isoDateTime.nullable(),
    lastFiredAt: isoDateTime.nullable(),
    /** When it will ring next (snoozedUntilAt ?? nextTriggerAt while enabled); null when it will not. */
    effectiveAt: isoDateTime.nullable(),
    /** It fired and nobody snoozed or dismissed it since. */
    ringing: z.boolean(),
    taskId: objectId.nullable(),
  })
  .meta({ id: 'Alarm' });
export type Alarm = z.infer<typeof alarm>;

const alarmTitle = label(200);

export const createAlarmBody = z.strictObject({
  title: alarmTitle.default('Alarme'),
  nextTriggerAt: isoDateTime,
  recurrence: recurrence.default({ type: 'none' }),
  timeZone: ianaTimeZone,
  taskId: objectId.nullable().default(null),
});
export type CreateAlarmBody = z.input<typeof createAlarmBody>;

export const updateAlarmBody = z
  .strictObject({
    title: alarmTitle.optional(),
    nextTriggerAt: isoDateTime.optional(),
    recurrence: recurrence.optional(),
    timeZone: ianaTimeZone.optional(),
    taskId: objectId.nullable().optional(),
    enabled: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to update')
  .meta({ minProperties: 1 }); // the refine, as the JSON schema can say it

export const snoozeAlarmBody = z.strictObject({
  minutes: z
    .number()
    .int()
    .min(1, 'must be at least 1')
    .max(24 * 60, 'must be at most a day'),
});

export const alarmDeleted = z.object({ id: objectId });

/** `alarm.fired`: the server rang it; `late` when it came due while no server ran (over a minute ago). */
export const alarmFired = z.object({ alarm, dueAt: isoDateTime, late: z.boolean() });

const tags = ['alarms'] as const;

export const alarmRoutes = {
  list: defineRoute({
    method: 'get',
    path: '/api/alarms',
    summary: 'List my alarms, newest first',
    tags,
    access: 'user',
    query: pageQuery,
    response: page(alarm),
  }),
  create: defineRoute({
    method: 'post',
    path: '/api/alarms',
    summary: 'Set an alarm',
    tags,
    access: 'user',
    body: createAlarmBody,
    status: 201,
    response: alarm,
    idempotent: true,
  }),
  get: defineRoute({
    method: 'get',
    path: '/api/alarms/:id',
    summary: 'One alarm',
    tags,
    access: 'user',
    params: idParams,
    response: alarm,
  }),
  update: defineRoute({
    method: 'patch',
    path: '/api/alarms/:id',
    summary: 'Change an alarm; a new time clears its snooze and sets it ringing again',
    tags,
    access: 'user',
    params: idParams,
    body: updateAlarmBody,
    response: alarm,
    errors: [409],
  }),
  snooze: defineRoute({
    method: 'post',
    path: '/api/alarms/:id/snooze',
    summary: 'Ring again later: from the latest of its snooze, its time and now',
    tags,
    access: 'user',
    params: idParams,
    body: snoozeAlarmBody,
    response: alarm,
    errors: [409],
  }),
  dismiss: defineRoute({
    method: 'post',
    path: '/api/alarms/:id/dismiss',
    summary: 'Dismiss: a one-off is done, a recurring alarm moves to its next occurrence',
    tags,
    access: 'user',
    params: idParams,
    response: alarm,
    errors: [409],
  }),
  remove: defineRoute({
    method: 'delete',
    path: '/api/alarms/:id',
    summary: 'Delete an alarm',
    tags,
    access: 'user',
    params: idParams,
    status: 204,
  }),
};

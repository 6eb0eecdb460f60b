import { z } from 'zod';
import { idParams, isoDateTime, label, objectId, ownedFields } from './common.ts';
import { defineRoute } from './http.ts';
import { ianaTimeZone } from './preferences.ts';

/** An `.ics` import may weigh this much; a larger one answers 413 before anything is parsed. */
export const CALENDAR_IMPORT_MAX_BYTES = 10 * 1024 * 1024;

/** A range may span this many days at most (a year and a day, so a yearly agenda fits). */
export const CALENDAR_RANGE_MAX_DAYS = 366;

/**
 * One answer holds at most this many events, expanded occurrences included; past it the list is
 * cut (earliest first) and says so with `truncated`.
 */
export const CALENDAR_RANGE_MAX_EVENTS = 5000;

export const calendarSources = ['manual', 'ics', 'subscription'] as const;
export const calendarSource = z.enum(calendarSources);
export type CalendarSource = z.infer<typeof calendarSource>;

/**
 * An event, or one occurrence of a recurring event.
 *
 * Times are ISO 8601 UTC. An **all-day** event carries its days, not instants: `start` is midnight
 * UTC of its first day and `end` midnight UTC of the day after its last (exclusive, as iCalendar's
 * DTEND), so `2026-12-24T00:00:00.000Z`–`2026-12-26T00:00:00.000Z` is the 24th and the 25th in every
 * time zone. Clients show its `YYYY-MM-DD` part as it is, never converted to local time.
 *
 * A recurring event (its master) has `recurrence`. The range list expands it: each occurrence
 * inside the range comes as its own item with the master's `id`, `recurringEventId` (the master's
 * id) and `occurrenceStart` (the start the rule gave it). An occurrence moved or changed in an
 * imported calendar (RECURRENCE-ID) is an event of its own, with its own `id`, the same
 * `recurringEventId` and `occurrenceStart`. Changing or deleting the master's `id` changes or
 * deletes the whole series.
 */
export const calendarEvent = ownedFields
  .extend({
    uid: z.string().meta({ description: 'iCalendar UID (the upsert key of imports, per user); generated for manual events' }),
    title: z.string(),
    description: z.string(),
    location: z.string(),
    start: isoDateTime,
    end: isoDateTime,
    allDay: z.boolean(),
    source: calendarSource,
    subscriptionId: objectId.nullable().optional().meta({ description: 'source `subscription`: which subscription brought it' }),
    recurrence: z.string().optional().meta({
      description:
        'A recurring master: its RRULE and EXDATE lines as in iCalendar (`RRULE:FREQ=WEEKLY;BYDAY=MO\\nEXDATE:20261207T090000Z`)',
    }),
    timeZone: z
      .string()
      .nullable()
      .optional()
      .meta({ description: 'IANA zone a recurrence is computed in (09:00 stays 09:00 across DST); null: UTC' }),
    recurringEventId: objectId.optional().meta({ description: 'An occurrence: the id of its recurring master' }),
    occurrenceStart: isoDateTime.optional().meta({ description: 'An occurrence: the start its rule gave it' }),
  })
  .meta({ id: 'CalendarEvent' });
export type CalendarEvent = z.infer<typeof calendarEvent>;

const midnightUtc = (iso: string) => iso.endsWith('T00:00:00.000Z') || iso.endsWith('T00:00:00Z');

const eventFields = {
  title: label(500),
  description: z.string().max(20_000, 'must be at most 20000 characters'),
  location: z.string().trim().max(1000, 'must be at most 1000 characters'),
  start: isoDateTime,
  end: isoDateTime,
  allDay: z.boolean(),
  recurrence: z.string().trim().min(1, 'must not be empty').max(10_000, 'must be at most 10000 characters').nullable().meta({
    description: 'RRULE (and EXDATE) lines; null removes the recurrence. The server checks the rule (400 when invalid)',
  }),
  timeZone: ianaTimeZone
    .nullable()
    .meta({ description: "The zone a recurrence is walked in; null: my Préférences' zone for a timed series (else UTC)" }),
};

type Times = { start?: string; end?: string; allDay?: boolean };
/** end ≥ start; an all-day event runs from a midnight UTC to a later one (see calendarEvent). */
const checkTimes = (b: Times, ctx: z.RefinementCtx) => {
  if (b.start && b.end && Date.parse(b.end) < Date.parse(b.start))
    ctx.addIssue({ code: 'custom', path: ['end'], message: 'must not be before start' });
  if (b.allDay) {
    for (const key of ['start', 'end'] as const) {
      const value = b[key];
      if (value && !midnightUtc(value))
        ctx.addIssue({ code: 'custom', path: [key], message: 'must be a midnight UTC for an all-day event' });
    }
    if (b.start && b.end && b.start === b.end)
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'must be after start for an all-day event' });
  }
};

export const createCalendarEventBody = z
  .strictObject({
    ...eventFields,
    description: eventFields.description.default(''),
    location: eventFields.location.default(''),
    allDay: eventFields.allDay.default(false),
    recurrence: eventFields.recurrence.default(null),
    timeZone: eventFields.timeZone.default(null),
  })
  .superRefine(checkTimes);
export type CreateCalendarEventBody = z.input<typeof createCalendarEventBody>;

export const updateCalendarEventBody = z
  .strictObject(z.object(eventFields).partial().shape)
  .superRefine(checkTimes)
  .refine((b) => Object.keys(b).length > 0, 'nothing to update')
  .meta({ minProperties: 1 }); // the refine, as the JSON schema can say it
export type UpdateCalendarEventBody = z.input<typeof updateCalendarEventBody>;

export const calendarRangeQuery = z
  .strictObject({
    from: isoDateTime.meta({ description: 'Start of the range (inclusive)' }),
    to: isoDateTime.meta({ description: 'End of the range (exclusive); an event overlaps it when start < to and end > from' }),
  })
  .superRefine((q, ctx) => {
    const span = Date.parse(q.to) - Date.parse(q.from);
    if (span <= 0) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' });
    else if (span > CALENDAR_RANGE_MAX_DAYS * 86_400_000)
      ctx.addIssue({ code: 'custom', path: ['to'], message: `must be at most ${CALENDAR_RANGE_MAX_DAYS} days after from` });
  });

export const calendarRange = z
  .object({
    items: z.array(calendarEvent).meta({ description: 'What overlaps the range, by start then id' }),
    truncated: z.boolean().meta({
      description: `More than ${CALENDAR_RANGE_MAX_EVENTS} events or occurrences overlap the range (or a rule produced too many): the list stops there`,
    }),
  })
  .meta({ id: 'CalendarRange' });
export type CalendarRange = z.infer<typeof calendarRange>;

export const calendarEventDeleted = z.object({ id: objectId });

/** Many events changed at once (an import, a subscription refresh): read the visible range again. */
export const calendarEventsChanged = z.object({ source: calendarSource, subscriptionId: objectId.nullable() });

export const calendarImportSkip = z.object({
  uid: z.string(),
  title: z.string(),
  reason: z.string().meta({ description: 'Why this VEVENT was left out (an invalid RRULE, no DTSTART…)' }),
});

export const calendarImportResult = z
  .object({
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int().meta({ description: 'VEVENTs already mine exactly as the file has them' }),
    skipped: z.number().int(),
    skips: z.array(calendarImportSkip).meta({ description: 'The first 100 skipped VEVENTs and why' }),
  })
  .meta({ id: 'CalendarImportResult' });
export type CalendarImportResult = z.infer<typeof calendarImportResult>;

export const uploadCalendarImportFields = z.strictObject({
  timeZone: ianaTimeZone
    .optional()
    .meta({ description: "The zone of the file's floating times (no TZID, no Z); my Préférences' by default, else UTC" }),
});

const tags = ['calendar'] as const;

export const calendarEventRoutes = {
  list: defineRoute({
    method: 'get',
    path: '/api/calendar/events',
    summary: 'What overlaps a range (at most a year), recurring events expanded into their occurrences inside it',
    tags,
    access: 'user',
    query: calendarRangeQuery,
    response: calendarRange,
  }),
  create: defineRoute({
    method: 'post',
    path: '/api/calendar/events',
    summary: 'Create an event',
    tags,
    access: 'user',
    body: createCalendarEventBody,
    status: 201,
    response: calendarEvent,
    idempotent: true,
  }),
  get: defineRoute({
    method: 'get',
    path: '/api/calendar/events/:id',
    summary: 'One event (a recurring one as its master)',
    tags,
    access: 'user',
    params: idParams,
    response: calendarEvent,
  }),
  update: defineRoute({
    method: 'patch',
    path: '/api/calendar/events/:id',
    summary: 'Change, move or resize an event (a recurring one: the whole series)',
    tags,
    access: 'user',
    params: idParams,
    body: updateCalendarEventBody,
    response: calendarEvent,
  }),
  remove: defineRoute({
    method: 'delete',
    path: '/api/calendar/events/:id',
    summary: 'Delete an event (a recurring one: the whole series); restorable for a day',
    tags,
    access: 'user',
    params: idParams,
    status: 204,
  }),
  restore: defineRoute({
    method: 'post',
    path: '/api/calendar/events/:id/restore',
    summary:
      'Undo the deletion of an event: the same event, with its id, back (409 when an event of the same UID was imported since)',
    tags,
    access: 'user',
    params: idParams,
    response: calendarEvent,
    errors: [409],
  }),
};

export const calendarImportRoutes = {
  upload: defineRoute({
    method: 'post',
    path: '/api/calendar/imports',
    summary:
      'Import an iCalendar file (multipart, part `file`, `.ics`): each VEVENT is created, or updated when its UID is already mine',
    tags,
    access: 'user',
    body: uploadCalendarImportFields,
    upload: { field: 'file', maxBytes: CALENDAR_IMPORT_MAX_BYTES },
    response: calendarImportResult,
    errors: [413, 415],
  }),
};

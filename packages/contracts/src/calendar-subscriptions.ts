import { z } from 'zod';
import { idParams, isoDateTime, label, objectId, ownedFields } from './common.ts';
import { defineRoute } from './http.ts';

/** How often a subscription may be fetched: every quarter of an hour at most, once a week at least. */
export const SUBSCRIPTION_INTERVAL_MIN_MINUTES = 15;
export const SUBSCRIPTION_INTERVAL_MAX_MINUTES = 7 * 24 * 60;
export const SUBSCRIPTION_INTERVAL_DEFAULT_MINUTES = 60;

/**
 * An ICS address: http(s), or `webcal://`, which calendar apps hand out and which means https.
 * Where it points (a private or loopback address is refused) is checked by the server: 400 naming why.
 */
export const subscriptionUrl = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(2048, 'must be at most 2048 characters')
  .transform((raw) => raw.replace(/^webcals?:\/\//i, 'https://'))
  .pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) or webcal address' }));

/** Why the last fetch failed: clients translate `reason` and may show `message` as it is. */
export const subscriptionFetchReasons = [
  'scheme',
  'address',
  'unresolvable',
  'redirects',
  'too-large',
  'timeout',
  'http-status',
  'network',
  'not-calendar',
] as const;

export const calendarSubscription = ownedFields
  .extend({
    name: z.string(),
    url: z.string(),
    intervalMinutes: z.number().int(),
    lastFetchedAt: isoDateTime.nullable().meta({ description: 'The last fetch that ended, well or not' }),
    refreshing: z.boolean().meta({ description: 'A fetch is queued or running' }),
    etag: z.string().nullable().meta({ description: 'Validator of the last applied copy, sent back as If-None-Match' }),
    lastModified: z
      .string()
      .nullable()
      .meta({ description: 'Validator of the last applied copy, sent back as If-Modified-Since' }),
    lastError: z
      .object({ reason: z.enum(subscriptionFetchReasons), message: z.string(), at: isoDateTime })
      .nullable()
      .meta({ description: 'Why the last fetch failed; null once one succeeds. The events of the last good copy stay' }),
    lastCounts: z
      .object({
        created: z.number().int(),
        updated: z.number().int(),
        removed: z.number().int().meta({ description: 'Gone from the feed, or ended more than 90 days ago' }),
        skipped: z.number().int(),
        notModified: z.boolean().meta({ description: 'The server answered 304: nothing changed' }),
      })
      .nullable(),
  })
  .meta({ id: 'CalendarSubscription' });
export type CalendarSubscription = z.infer<typeof calendarSubscription>;

const interval = z
  .number()
  .int()
  .min(SUBSCRIPTION_INTERVAL_MIN_MINUTES, `must be at least ${SUBSCRIPTION_INTERVAL_MIN_MINUTES} minutes`)
  .max(SUBSCRIPTION_INTERVAL_MAX_MINUTES, `must be at most ${SUBSCRIPTION_INTERVAL_MAX_MINUTES} minutes (a week)`);

const subscriptionFields = { url: subscriptionUrl, name: label(200), intervalMinutes: interval };

export const createCalendarSubscriptionBody = z.strictObject({
  url: subscriptionFields.url,
  name: subscriptionFields.name.optional().meta({ description: "Defaults to the address's host" }),
  intervalMinutes: subscriptionFields.intervalMinutes.default(SUBSCRIPTION_INTERVAL_DEFAULT_MINUTES),
});
export type CreateCalendarSubscriptionBody = z.input<typeof createCalendarSubscriptionBody>;

export const updateCalendarSubscriptionBody = z
  .strictObject(subscriptionFields)
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'nothing to update')
  .meta({ minProperties: 1 });
export type UpdateCalendarSubscriptionBody = z.input<typeof updateCalendarSubscriptionBody>;

export const calendarSubscriptionList = z.object({ items: z.array(calendarSubscription).meta({ description: 'By name' }) });
export const calendarSubscriptionDeleted = z.object({ id: objectId });

/** The private feed: one per user; only a hash of its secret is kept, so the address is shown once. */
export const calendarFeedStatus = z
  .object({
    active: z.boolean(),
    createdAt: isoDateTime.nullable().meta({ description: 'When the current address was made' }),
  })
  .meta({ id: 'CalendarFeedStatus' });
export type CalendarFeedStatus = z.infer<typeof calendarFeedStatus>;

export const calendarFeedCreated = z
  .object({
    path: z.string().meta({
      description:
        "The feed's address on this server (`/api/calendar/feed/<token>.ics`); shown this once, the previous one stops at once",
      example: '/api/calendar/feed/665f1c2e9b1e8a0012345678-q3Jr9xYv2mB0aZ4c1LkP8sWd7eHf6gTn5oUi3yRx0Q.ics',
    }),
    createdAt: isoDateTime,
  })
  .meta({ id: 'CalendarFeedCreated' });
export type CalendarFeedCreated = z.infer<typeof calendarFeedCreated>;

export const calendarFeedParams = z.strictObject({
  file: z
    .string()
    .regex(/^[a-f\d]{24}-[\w-]{43}\.ics$/, 'is not a feed address')
    .meta({ description: 'The token the feed was created with, then `.ics`' }),
});

const tags = ['calendar'] as const;

export const calendarSubscriptionRoutes = {
  list: defineRoute({
    method: 'get',
    path: '/api/calendar/subscriptions',
    summary: 'My ICS subscriptions, with how their last fetch went',
    tags,
    access: 'user',
    response: calendarSubscriptionList,
  }),
  create: defineRoute({
    method: 'post',
    path: '/api/calendar/subscriptions',
    summary: 'Subscribe to an ICS address (a private or loopback target is refused); the first fetch is queued at once',
    tags,
    access: 'user',
    body: createCalendarSubscriptionBody,
    status: 201,
    response: calendarSubscription,
    idempotent: true,
  }),
  update: defineRoute({
    method: 'patch',
    path: '/api/calendar/subscriptions/:id',
    summary: 'Rename a subscription, change its address (fetched again at once) or its interval',
    tags,
    access: 'user',
    params: idParams,
    body: updateCalendarSubscriptionBody,
    response: calendarSubscription,
  }),
  remove: defineRoute({
    method: 'delete',
    path: '/api/calendar/subscriptions/:id',
    summary: 'Unsubscribe: the subscription and the events it brought are deleted',
    tags,
    access: 'user',
    params: idParams,
    status: 204,
  }),
  refresh: defineRoute({
    method: 'post',
    path: '/api/calendar/subscriptions/:id/refresh',
    summary: 'Fetch a subscription now (queued; `calendar.subscription.updated` tells how it went)',
    tags,
    access: 'user',
    params: idParams,
    status: 202,
    response: calendarSubscription,
  }),
};

export const calendarFeedRoutes = {
  status: defineRoute({
    method: 'get',
    path: '/api/calendar/feed',
    summary: 'Whether my private ICS feed is on, and since when',
    tags,
    access: 'user',
    response: calendarFeedStatus,
  }),
  regenerate: defineRoute({
    method: 'post',
    path: '/api/calendar/feed',
    summary: 'Make a new address for my private ICS feed (the previous one stops at once); it is shown this once',
    tags,
    access: 'user',
    status: 201,
    response: calendarFeedCreated,
  }),
  revoke: defineRoute({
    method: 'delete',
    path: '/api/calendar/feed',
    summary: 'Turn my private ICS feed off: its address stops at once',
    tags,
    access: 'user',
    status: 204,
  }),
  read: defineRoute({
    method: 'get',
    path: '/api/calendar/feed/:file',
    summary:
      'The private feed, for a phone calendar to subscribe to (no session: the address is the credential): my events and the deadlines of the open tasks I see, as iCalendar (text/calendar)',
    tags,
    access: 'public',
    params: calendarFeedParams,
    stream: '*/*',
    errors: [404],
  }),
};

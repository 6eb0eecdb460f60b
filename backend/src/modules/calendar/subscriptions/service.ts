import type { CalendarSubscription, RouteBody, calendarSubscriptionRoutes } from '@panoramix/contracts';
import type { AuthUser } from '../../../http/auth-guard.ts';
import { badRequest, notFound } from '../../../http/problem.ts';
import type { JobQueue } from '../../../jobs/runner.ts';
import { isoOrNull, ownedBase } from '../../../lib/dto.ts';
import { FetchRefusedError, checkUrl } from '../../../lib/safe-fetch.ts';
import type { GuardOptions } from '../../../lib/safe-fetch.ts';
import type { EventBus } from '../../../realtime/event-bus.ts';
import { CalendarSubscriptionModel } from './model.ts';
import type { CalendarSubscriptionDoc } from './model.ts';

export const FETCH_JOB = 'calendar.subscription.fetch';
export interface FetchJobData {
  subscriptionId: string;
}

export const toSubscriptionDto = (s: CalendarSubscriptionDoc): CalendarSubscription => ({
  ...ownedBase(s),
  name: s.name,
  url: s.url,
  intervalMinutes: s.intervalMinutes,
  lastFetchedAt: isoOrNull(s.lastFetchedAt),
  refreshing: s.refreshRequestedAt !== null && s.refreshRequestedAt !== undefined,
  etag: s.etag ?? null,
  lastModified: s.lastModified ?? null,
  lastError: s.lastError
    ? { reason: s.lastError.reason, message: s.lastError.message ?? '', at: s.lastError.at!.toISOString() }
    : null,
  lastCounts: s.lastCounts
    ? {
        created: s.lastCounts.created ?? 0,
        updated: s.lastCounts.updated ?? 0,
        removed: s.lastCounts.removed ?? 0,
        skipped: s.lastCounts.skipped ?? 0,
        notModified: s.lastCounts.notModified ?? false,
      }
    : null,
});

type CreateInput = RouteBody<typeof calendarSubscriptionRoutes.create>;
type UpdateInput = RouteBody<typeof calendarSubscriptionRoutes.update>;

const minutes = (n: number) => n * 60_000;

/**
 * ICS subscriptions, each its owner's alone (another user gets 404). An address is checked by
 * the outbound guard when it is given, so a private or loopback target is a 400 naming why; the
 * fetch checks it again (DNS may answer otherwise later). Each fetch is a durable job.
 */
export function createSubscriptionService(deps: {
  events: EventBus;
  jobs: JobQueue;
  guard: GuardOptions;
  /** Deletes the events a subscription brought. */
  removeEvents: (userId: string, subscriptionId: string) => Promise<unknown>;
}) {
  async function verdict(url: string) {
    try {
      await checkUrl(url, deps.guard);
    } catch (error) {
      if (!(error instanceof FetchRefusedError)) throw error;
      throw badRequest(`body.url: ${error.message}`, [{ path: 'body.url', message: error.message, code: error.reason }]);
    }
  }

  async function find(actor: AuthUser, id: string) {
    const doc = await CalendarSubscriptionModel.findOne({ _id: id, userId: actor.id }).lean<CalendarSubscriptionDoc>();
    if (!doc) throw notFound('Subscription');
    return doc;
  }

  async function announce(type: 'calendar.subscription.created' | 'calendar.subscription.updated', doc: CalendarSubscriptionDoc) {
    const dto = toSubscriptionDto(doc);
    await deps.events.emit({ type, userId: String(doc.userId), data: dto });
    return dto;
  }

  /** Marks a fetch as queued, then queues it. */
  async function queueFetch(doc: CalendarSubscriptionDoc) {
    await CalendarSubscriptionModel.updateOne({ _id: doc._id, userId: doc.userId }, { $set: { refreshRequestedAt: new Date() } });
    await deps.jobs.now(FETCH_JOB, { subscriptionId: String(doc._id) } satisfies FetchJobData);
  }

  async function list(actor: AuthUser) {
    const docs = await CalendarSubscriptionModel.find({ userId: actor.id })
      .sort({ name: 1, _id: 1 })
      .lean<CalendarSubscriptionDoc[]>();
    return { items: docs.map(toSubscriptionDto) };
  }

  async function create(actor: AuthUser, input: CreateInput) {
    await verdict(input.url);
    const now = new Date();
    const created = await CalendarSubscriptionModel.create({
      userId: actor.id,
      name: input.name ?? new URL(input.url).hostname,
      url: input.url,
      intervalMinutes: input.intervalMinutes,
      nextFetchAt: new Date(now.getTime() + minutes(input.intervalMinutes)),
      refreshRequestedAt: now,
    });
    const doc = created.toObject() as CalendarSubscriptionDoc;
    const dto = await announce('calendar.subscription.created', doc);
    await deps.jobs.now(FETCH_JOB, { subscriptionId: dto.id } satisfies FetchJobData);
    return dto;
  }

  async function update(actor: AuthUser, id: string, patch: UpdateInput) {
    const current = await find(actor, id);
    const moved = patch.url !== undefined && patch.url !== current.url;
    if (moved) await verdict(patch.url as string);
    const set: Record<string, unknown> = { ...patch };
    // Another address is another calendar: its validators mean nothing there.
    if (moved) Object.assign(set, { etag: null, lastModified: null, lastError: null, lastCounts: null });
    if (patch.intervalMinutes !== undefined) {
      set.nextFetchAt = new Date((current.lastFetchedAt ?? new Date()).getTime() + minutes(patch.intervalMinutes));
    }
    await CalendarSubscriptionModel.updateOne({ _id: current._id, userId: actor.id }, { $set: set });
    if (moved) await queueFetch(current);
    return announce('calendar.subscription.updated', await find(actor, id));
  }

  async function refresh(actor: AuthUser, id: string) {
    const current = await find(actor, id);
    await queueFetch(current);
    return announce('calendar.subscription.updated', await find(actor, id));
  }

  /** The subscription first, so that a fetch running meanwhile finds it gone and removes what it wrote. */
  async function remove(actor: AuthUser, id: string) {
    const current = await find(actor, id);
    await CalendarSubscriptionModel.deleteOne({ _id: current._id, userId: actor.id });
    await deps.removeEvents(actor.id, id);
    await deps.events.emit({ type: 'calendar.subscription.deleted', userId: actor.id, data: { id } });
  }

  return { list, create, update, refresh, remove };
}

export type SubscriptionService = ReturnType<typeof createSubscriptionService>;

import { CALENDAR_IMPORT_MAX_BYTES } from '@panoramix/contracts';
import { isDuplicateKey } from '../../../db/duplicate-key.ts';
import type { AuthUser } from '../../../http/auth-guard.ts';
import type { JobDefinition, JobQueue } from '../../../jobs/runner.ts';
import type { Logger } from '../../../lib/logger.ts';
import { FetchRefusedError, safeFetch } from '../../../lib/safe-fetch.ts';
import type { GuardOptions } from '../../../lib/safe-fetch.ts';
import type { EventBus } from '../../../realtime/event-bus.ts';
import { activeOwner } from '../feed/owner.ts';
import { CalendarSubscriptionClaimModel, CalendarSubscriptionModel } from './model.ts';
import type { CalendarSubscriptionDoc } from './model.ts';
import { FETCH_JOB, toSubscriptionDto } from './service.ts';
import type { FetchJobData } from './service.ts';

/** Subscribed events that ended longer ago than this are purged after each fetch (Panorama's rule). */
export const PURGE_AFTER_DAYS = 90;
const FETCH_TIMEOUT_MS = 30_000;
const SCHEDULE_JOB = 'calendar.subscriptions.schedule';
const system = { tenancy: 'system' as const };

/** A body that is not iCalendar: reported on the subscription, nothing written. */
export class NotCalendarError extends Error {}

export interface FeedCounts {
  created: number;
  updated: number;
  removed: number;
  skipped: number;
}

/** What the calendar module does with a fetched feed. */
export interface FeedApplier<Parsed = unknown> {
  /** Reads the whole feed before anything is written; throws NotCalendarError for anything else. */
  parse: (owner: AuthUser, text: string) => Promise<Parsed>;
  /**
   * Makes the subscription's events those of the feed: upserts its VEVENTs by UID, deletes the
   * ones it no longer has and those ended before `purgeBefore`.
   */
  apply: (userId: string, subscriptionId: string, parsed: Parsed, purgeBefore: Date) => Promise<FeedCounts>;
  /** Deletes every event a subscription brought. */
  removeAll: (userId: string, subscriptionId: string) => Promise<unknown>;
}

type Outcome = Partial<Pick<CalendarSubscriptionDoc, 'etag' | 'lastModified' | 'lastError' | 'lastCounts'>>;

/**
 * Fetching subscriptions: one durable job per fetch, and a periodic scheduler that queues the
 * subscriptions whose time has come. A fetch that fails is recorded on the subscription (its
 * events stay as the last good copy had them) and retried at the next interval, not at once.
 */
export function subscriptionFetching<Parsed>(deps: {
  events: EventBus;
  jobs: JobQueue;
  guard: GuardOptions;
  feeds: FeedApplier<Parsed>;
  logger: Logger;
  timeoutMs?: number;
}) {
  async function download(sub: CalendarSubscriptionDoc, owner: AuthUser): Promise<Outcome> {
    try {
      const result = await safeFetch(sub.url, {
        ...deps.guard,
        maxBytes: CALENDAR_IMPORT_MAX_BYTES,
        timeoutMs: deps.timeoutMs ?? FETCH_TIMEOUT_MS,
        headers: { accept: 'text/calendar, */*;q=0.1' },
        etag: sub.etag ?? null,
        lastModified: sub.lastModified ?? null,
      });
      if (result.notModified) {
        return { lastError: null, lastCounts: { created: 0, updated: 0, removed: 0, skipped: 0, notModified: true } };
      }
      const parsed = await deps.feeds.parse(owner, result.body.toString('utf8'));
      const purgeBefore = new Date(Date.now() - PURGE_AFTER_DAYS * 86_400_000);
      const counts = await deps.feeds.apply(String(sub.userId), String(sub._id), parsed, purgeBefore);
      // The validators are kept only with a copy fully applied, so a failed apply is fetched whole again.
      return {
        etag: result.etag,
        lastModified: result.lastModified,
        lastError: null,
        lastCounts: { ...counts, notModified: false },
      };
    } catch (error) {
      const at = new Date();
      if (error instanceof FetchRefusedError) return { lastError: { reason: error.reason, message: error.message, at } };
      if (error instanceof NotCalendarError) return { lastError: { reason: 'not-calendar', message: error.message, at } };
      throw error; // the database: the job is retried
    }
  }

  async function fetchNow(data: unknown) {
    const { subscriptionId } = data as FetchJobData;
    const sub = await CalendarSubscriptionModel.findOne({ _id: subscriptionId })
      .setOptions(system)
      .lean<CalendarSubscriptionDoc>();
    const owner = sub && (await activeOwner(String(sub.userId)));
    if (!sub || !owner) return; // unsubscribed, or its account disabled
    const outcome = await download(sub, owner);
    const written = await CalendarSubscriptionModel.updateOne(
      { _id: sub._id, userId: sub.userId },
      { $set: { ...outcome, lastFetchedAt: new Date(), refreshRequestedAt: null } },
    );
    const userId = String(sub.userId);
    if (written.matchedCount === 0) {
      // Unsubscribed while this fetch ran: what it may have written goes too.
      await deps.feeds.removeAll(userId, subscriptionId);
      return;
    }
    const fresh = await CalendarSubscriptionModel.findOne({ _id: sub._id, userId }).lean<CalendarSubscriptionDoc>();
    if (fresh) await deps.events.emit({ type: 'calendar.subscription.updated', userId, data: toSubscriptionDto(fresh) });
    if (outcome.lastCounts && !outcome.lastCounts.notModified) {
      await deps.events.emit({ type: 'calendar.events.changed', userId, data: { source: 'subscription', subscriptionId } });
    }
  }

  /** Whether this run took the due fetch: the first insert of its claim wins, any other is a duplicate key. */
  const claim = (sub: Pick<CalendarSubscriptionDoc, '_id' | 'nextFetchAt'>, now: Date) =>
    CalendarSubscriptionClaimModel.create({ _id: `${String(sub._id)}:${sub.nextFetchAt.getTime()}`, at: now }).then(
      () => true,
      (error: unknown) => {
        if (isDuplicateKey(error)) return false;
        throw error;
      },
    );

  /**
   * Queues every subscription that is due, each once however many schedulers run (instances, a
   * slow run overlapping the next): a claim per due time, then its next time moved one interval on.
   */
  async function scheduleDue(now = new Date()) {
    const due = await CalendarSubscriptionModel.find(
      { nextFetchAt: { $lte: now } },
      { userId: 1, nextFetchAt: 1, intervalMinutes: 1 },
    )
      .setOptions(system)
      .limit(500)
      .lean<Pick<CalendarSubscriptionDoc, '_id' | 'userId' | 'nextFetchAt' | 'intervalMinutes'>[]>();
    for (const sub of due) {
      if (!(await claim(sub, now))) continue;
      await CalendarSubscriptionModel.updateOne(
        { _id: sub._id, userId: sub.userId },
        { $set: { nextFetchAt: new Date(now.getTime() + sub.intervalMinutes * 60_000), refreshRequestedAt: now } },
      );
      await deps.jobs.now(FETCH_JOB, { subscriptionId: String(sub._id) } satisfies FetchJobData);
    }
    await CalendarSubscriptionClaimModel.deleteMany({ at: { $lt: new Date(now.getTime() - 86_400_000) } });
    if (due.length > 0) deps.logger.debug({ due: due.length }, 'calendar subscriptions queued');
    return due.length;
  }

  const jobDefinitions: JobDefinition[] = [
    { name: FETCH_JOB, run: fetchNow },
    { name: SCHEDULE_JOB, every: '1 minute', run: async () => void (await scheduleDue()) },
  ];

  return { fetchNow, scheduleDue, jobDefinitions };
}

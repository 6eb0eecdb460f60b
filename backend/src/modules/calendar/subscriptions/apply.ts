import type { AuthUser } from '../../../http/auth-guard.ts';
import { enqueue } from '../../../ml/index/queue.ts';
import { rebuildBuckets } from '../buckets.ts';
import { IcsSyntaxError, parseIcs } from '../ics-parser.ts';
import type { ParsedIcs } from '../ics-parser.ts';
import { CalendarEventModel } from '../model.ts';
import { upsertIcsEvents } from '../upsert.ts';
import { NotCalendarError } from './fetch.ts';
import type { FeedApplier } from './fetch.ts';

/** Deletes the events a subscription brought, keeping the range buckets and the search index in step. */
export async function removeSubscriptionEvents(userId: string, subscriptionId: string) {
  const gone = await CalendarEventModel.find({ userId, subscriptionId }, { _id: 1 }).lean();
  if (gone.length === 0) return 0;
  await CalendarEventModel.deleteMany({ userId, _id: { $in: gone.map((doc) => doc._id) } });
  await rebuildBuckets(userId);
  await enqueue(gone.map((doc) => ({ kind: 'event', id: String(doc._id) })));
  return gone.length;
}

/** A fetched feed through the calendar's own import: parsed whole first, then upserted by UID as the subscription's copy. */
export function subscriptionFeeds(deps: { timeZoneOf: (owner: AuthUser) => Promise<string | null> }): FeedApplier<ParsedIcs> {
  return {
    async parse(owner, text) {
      try {
        return parseIcs(text, { timeZone: await deps.timeZoneOf(owner) });
      } catch (error) {
        if (error instanceof IcsSyntaxError) throw new NotCalendarError(error.message);
        throw error;
      }
    },
    async apply(userId, subscriptionId, parsed, purgeBefore) {
      const counts = await upsertIcsEvents(userId, { source: 'subscription', subscriptionId }, parsed, {
        removeMissing: true,
        purgeBefore,
      });
      return { created: counts.created, updated: counts.updated, removed: counts.removed, skipped: counts.skipped };
    },
    removeAll: removeSubscriptionEvents,
  };
}

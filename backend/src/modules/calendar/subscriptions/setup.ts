import type { Preferences } from '@panoramix/contracts';
import type { AuthUser } from '../../../http/auth-guard.ts';
import type { JobQueue } from '../../../jobs/runner.ts';
import type { Logger } from '../../../lib/logger.ts';
import type { EventBus } from '../../../realtime/event-bus.ts';
import { feedContent } from '../feed/content.ts';
import { createFeedService } from '../feed/service.ts';
import { removeSubscriptionEvents, subscriptionFeeds } from './apply.ts';
import { subscriptionFetching } from './fetch.ts';
import { createSubscriptionService } from './service.ts';

/**
 * The calendar's outside links: ICS subscriptions (service, fetch job and scheduler) and the
 * private feed. `allow` is the outbound guard's test allowance (OUTBOUND_ALLOW_ADDRESSES).
 */
export function createCalendarSubscriptions(deps: {
  events: EventBus;
  jobs: JobQueue;
  logger: Logger;
  allow: readonly string[];
  preferencesOf: (owner: AuthUser) => Promise<Preferences>;
}) {
  const guard = { allow: deps.allow };
  const fetching = subscriptionFetching({
    ...deps,
    guard,
    feeds: subscriptionFeeds({ timeZoneOf: async (owner) => (await deps.preferencesOf(owner)).timeZone }),
  });
  return {
    service: createSubscriptionService({ events: deps.events, jobs: deps.jobs, guard, removeEvents: removeSubscriptionEvents }),
    fetching,
    feed: createFeedService({ content: feedContent({ preferencesOf: deps.preferencesOf }) }),
    jobDefinitions: fetching.jobDefinitions,
  };
}

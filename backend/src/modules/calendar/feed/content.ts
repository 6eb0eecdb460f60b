import type { Preferences } from '@panoramix/contracts';
import type { AuthUser } from '../../../http/auth-guard.ts';
import { ONE_BATCH } from '../../../lib/filters.ts';
import { contentFilter } from '../../../sharing/access.ts';
import { TaskModel } from '../../tasks/model.ts';
import { CalendarEventModel } from '../model.ts';
import type { CalendarEventDoc } from '../model.ts';
import type { FeedDeadline, FeedEvent } from './ics.ts';
import type { FeedContent } from './service.ts';

/** Past events older than this stay out of the feed (the subscriptions' own purge horizon). */
const PAST_DAYS = 90;

const deadlinePrefix: Record<Preferences['language'], string> = { fr: 'Échéance : ', en: 'Due: ' };

const toFeedEvent = (doc: CalendarEventDoc): FeedEvent => ({
  uid: doc.uid,
  title: doc.title ?? '',
  description: doc.description ?? '',
  location: doc.location ?? '',
  start: doc.start,
  end: doc.end,
  allDay: doc.allDay,
  recurrence: doc.recurrence ?? null,
  timeZone: doc.timeZone ?? null,
  // An override shares its series' UID (the import's upsert key is UID + occurrence).
  recurrenceId: doc.occurrenceStart ?? null,
  updatedAt: doc.updatedAt,
});

/**
 * What a user's feed holds: their events (series whole, the rest from 90 days ago on), and the
 * deadlines of the open tasks they see (theirs and their projects'), in their language and zone.
 */
export function feedContent(deps: { preferencesOf: (owner: AuthUser) => Promise<Preferences> }): FeedContent {
  return async (owner) => {
    const since = new Date(Date.now() - PAST_DAYS * 86_400_000);
    const [preferences, docs, tasks] = await Promise.all([
      deps.preferencesOf(owner),
      CalendarEventModel.find({ userId: owner.id }).batchSize(ONE_BATCH).lean<CalendarEventDoc[]>(),
      contentFilter(owner).then((visible) =>
        TaskModel.find({ ...visible, open: true, deadline: { $gte: since } }, { title: 1, deadline: 1, updatedAt: 1 })
          .batchSize(ONE_BATCH)
          .lean<{ _id: unknown; title: string; deadline: Date; updatedAt: Date }[]>(),
      ),
    ]);
    const events = docs.filter((doc) => doc.recurrence || doc.recurringEventId || doc.end >= since).map(toFeedEvent);
    const deadlines: FeedDeadline[] = tasks.map((task) => ({
      id: String(task._id),
      title: task.title,
      deadline: task.deadline,
      updatedAt: task.updatedAt,
    }));
    return {
      events,
      deadlines,
      options: {
        timeZone: preferences.timeZone,
        deadlinePrefix: deadlinePrefix[preferences.language],
        calendarName: 'Panoramix',
      },
    };
  };
}

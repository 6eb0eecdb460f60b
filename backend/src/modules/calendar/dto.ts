import type { CalendarEvent } from '@panoramix/contracts';
import { idOrNull, ownedBase } from '../../lib/dto.ts';
import type { CalendarEventDoc } from './model.ts';

export const toCalendarEventDto = (doc: CalendarEventDoc): CalendarEvent => ({
  ...ownedBase(doc),
  uid: doc.uid,
  title: doc.title,
  description: doc.description,
  location: doc.location,
  start: doc.start.toISOString(),
  end: doc.end.toISOString(),
  allDay: doc.allDay,
  source: doc.source,
  subscriptionId: idOrNull(doc.subscriptionId),
  ...(doc.recurrence ? { recurrence: doc.recurrence } : {}),
  timeZone: doc.timeZone ?? null,
  ...(doc.recurringEventId ? { recurringEventId: String(doc.recurringEventId) } : {}),
  ...(doc.occurrenceStart ? { occurrenceStart: doc.occurrenceStart.toISOString() } : {}),
});

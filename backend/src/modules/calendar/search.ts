import { modelSource } from '../../ml/index/sources.ts';
import { CalendarEventModel } from './model.ts';

/** Title, place and description are found by search; the hit opens the calendar on the event's day. */
export const eventSearch = modelSource({
  kind: 'event',
  model: CalendarEventModel,
  events: ['calendar.event.created', 'calendar.event.updated', 'calendar.event.deleted'],
  projectOf: () => null,
  title: (doc) => String(doc.title),
  text: (doc) => [doc.location, doc.description].filter(Boolean).map(String).join('\n'),
  target: (doc) => `/calendar?event=${String(doc._id)}&date=${(doc.start as Date).toISOString().slice(0, 10)}`,
});

import { CALENDAR_RANGE_MAX_EVENTS } from '@panoramix/contracts';
import type { CalendarEvent, CalendarImportResult, CalendarRange, RouteBody, routes } from '@panoramix/contracts';
import { Types } from 'mongoose';
import { isDuplicateKey } from '../../db/duplicate-key.ts';
import type { AuthUser } from '../../http/auth-guard.ts';
import { badRequest, conflict, notFound } from '../../http/problem.ts';
import type { UploadedFile } from '../../http/upload.ts';
import type { EventBus } from '../../realtime/event-bus.ts';
import { changeBuckets, entriesOf, rangeKeys, readBuckets, readEntry } from './buckets.ts';
import type { BucketEntry } from './buckets.ts';
import { toCalendarEventDto } from './dto.ts';
import { readIcsFile } from './ics-file.ts';
import { CalendarEventModel, CalendarTrashModel } from './model.ts';
import type { CalendarEventDoc } from './model.ts';
import { REQUEST_STEPS_MAX, RecurrenceError, checkSeries, expandSeries } from './recurrence.ts';
import { preferredTimeZone } from './time-zone.ts';
import { upsertIcsEvents } from './upsert.ts';
import { overlaps } from './wall-clock.ts';

type CreateBody = RouteBody<typeof routes.calendarEvents.create>;
type UpdateBody = RouteBody<typeof routes.calendarEvents.update>;
type ImportFields = RouteBody<typeof routes.calendarImports.upload>;

const midnightUtc = (date: Date) => date.getTime() % 86_400_000 === 0;

/** The occurrences of the series among `entries` inside the range, beside the single events that overlap it. */
function expandRange(entries: readonly BucketEntry[], range: { from: Date; to: Date }): CalendarRange {
  const items: CalendarEvent[] = [];
  const budget = { steps: REQUEST_STEPS_MAX };
  let truncated = false;
  for (const { overrides, ...event } of entries) {
    if (!event.recurrence) {
      if (overlaps(Date.parse(event.start), Date.parse(event.end), range)) items.push(event);
      continue;
    }
    const series = {
      recurrence: event.recurrence,
      start: new Date(event.start),
      end: new Date(event.end),
      allDay: event.allDay,
      timeZone: event.timeZone ?? null,
    };
    const duration = series.end.getTime() - series.start.getTime();
    try {
      const expansion = expandSeries(series, range, budget, new Set(overrides?.map((at) => Date.parse(at))));
      truncated ||= expansion.truncated;
      for (const start of expansion.starts) {
        const occurrenceStart = start.toISOString();
        items.push({
          ...event,
          start: occurrenceStart,
          end: new Date(start.getTime() + duration).toISOString(),
          recurringEventId: event.id,
          occurrenceStart,
        });
      }
    } catch (error) {
      if (!(error instanceof RecurrenceError)) throw error;
      // Checked when written; a rule stored before a stricter check shows its first occurrence.
      if (overlaps(series.start.getTime(), series.end.getTime(), range)) items.push(event);
    }
  }
  items.sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || a.id.localeCompare(b.id));
  if (items.length > CALENDAR_RANGE_MAX_EVENTS) return { items: items.slice(0, CALENDAR_RANGE_MAX_EVENTS), truncated: true };
  return { items, truncated };
}

/**
 * Calendar events are their owner's alone: another user's event answers 404 as if it did not
 * exist. Range reads come from the month buckets (buckets.ts), which every write keeps in step.
 */
export function createCalendarService(deps: { events: EventBus; timeZoneOf?: (actor: AuthUser) => Promise<string | null> }) {
  const timeZoneOf = deps.timeZoneOf ?? preferredTimeZone;
  /**
   * The event by `_id` alone, the one lookup FerretDB pushes down (`{ _id, userId }` would read the
   * whole collection), then its owner checked here.
   */
  async function read(actor: AuthUser, id: string) {
    const doc = await CalendarEventModel.findOne({ _id: id }).setOptions({ tenancy: 'system' }).lean<CalendarEventDoc>();
    if (!doc || String(doc.userId) !== actor.id) throw notFound('Event');
    return doc;
  }

  const announce = (type: 'calendar.event.created' | 'calendar.event.updated', event: CalendarEvent) =>
    deps.events.emit({ type, userId: event.userId, data: event });

  async function list(actor: AuthUser, query: { from: string; to: string }): Promise<CalendarRange> {
    const range = { from: new Date(query.from), to: new Date(query.to) };
    return expandRange(await readBuckets(actor.id, rangeKeys(range.from, range.to)), range);
  }

  const get = async (actor: AuthUser, id: string) => toCalendarEventDto(await read(actor, id));

  /** A series' stored text, or a 400 naming `body.recurrence`. */
  function checkedRecurrence(series: { recurrence: string; start: Date; end: Date; allDay: boolean; timeZone: string | null }) {
    try {
      return checkSeries(series);
    } catch (error) {
      if (!(error instanceof RecurrenceError)) throw error;
      throw badRequest(`body.recurrence: ${error.message}`, [{ path: 'body.recurrence', message: error.message }]);
    }
  }

  async function create(actor: AuthUser, body: CreateBody) {
    const [start, end] = [new Date(body.start), new Date(body.end)];
    // A series is walked in a zone (09:00 stays 09:00 across DST): the one given, else my Préférences'.
    const timeZone = body.timeZone ?? (body.recurrence && !body.allDay ? await timeZoneOf(actor) : null);
    const recurrence = body.recurrence
      ? checkedRecurrence({ recurrence: body.recurrence, start, end, allDay: body.allDay, timeZone })
      : null;
    const _id = new Types.ObjectId();
    const doc = await CalendarEventModel.create({
      _id,
      userId: actor.id,
      uid: `${String(_id)}@panoramix`,
      title: body.title,
      description: body.description,
      location: body.location,
      start,
      end,
      allDay: body.allDay,
      source: 'manual',
      recurrence,
      timeZone: body.allDay ? null : timeZone,
    });
    const event = toCalendarEventDto(doc.toObject() as CalendarEventDoc);
    await changeBuckets(actor.id, [], [event]);
    await announce('calendar.event.created', event);
    return event;
  }

  /** The event as the patch would leave it, or a 400 naming what the patch breaks. */
  function patched(current: CalendarEventDoc, patch: UpdateBody) {
    const start = patch.start ? new Date(patch.start) : current.start;
    const end = patch.end ? new Date(patch.end) : current.end;
    const allDay = patch.allDay ?? current.allDay;
    const problems: { path: string; message: string }[] = [];
    if (end < start) problems.push({ path: 'body.end', message: 'must not be before start' });
    if (allDay && (!midnightUtc(start) || !midnightUtc(end) || end <= start)) {
      problems.push({ path: 'body.start', message: 'an all-day event runs from a midnight UTC to a later one' });
    }
    const recurrence = patch.recurrence === undefined ? current.recurrence : patch.recurrence;
    if (recurrence && current.recurringEventId) {
      problems.push({ path: 'body.recurrence', message: 'an occurrence of a series cannot recur itself' });
    }
    if (problems.length > 0) throw badRequest(problems.map((p) => `${p.path}: ${p.message}`).join('; '), problems);
    const timeZone = allDay ? null : patch.timeZone === undefined ? (current.timeZone ?? null) : patch.timeZone;
    return {
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      ...(patch.location !== undefined ? { location: patch.location } : {}),
      start,
      end,
      allDay,
      timeZone,
      recurrence: recurrence ? checkedRecurrence({ recurrence, start, end, allDay, timeZone }) : null,
    };
  }

  async function update(actor: AuthUser, id: string, patch: UpdateBody) {
    const current = await read(actor, id);
    const set = patched(current, patch);
    const before = toCalendarEventDto(current);
    const stored = await readEntry(actor.id, before);
    const saved = await CalendarEventModel.findOneAndUpdate({ _id: id }, { $set: set }, { returnDocument: 'after' })
      .setOptions({ tenancy: 'system' }) // read above as the caller's; `_id` alone is FerretDB's fast path
      .lean<CalendarEventDoc>();
    if (!saved) throw notFound('Event');
    const event = toCalendarEventDto(saved);
    const overrides = stored?.overrides && saved.recurrence ? { overrides: stored.overrides } : {};
    await changeBuckets(actor.id, [stored ?? before], [{ ...event, ...overrides }]);
    await announce('calendar.event.updated', event);
    return event;
  }

  /** A series goes with its overrides. Copied to the trash first: a crash between leaves a restorable copy, never a lost event. */
  async function remove(actor: AuthUser, id: string) {
    const doc = await read(actor, id);
    const overrides = doc.recurrence
      ? await CalendarEventModel.find({ userId: actor.id, recurringEventId: doc._id }).lean<CalendarEventDoc[]>()
      : [];
    const docs = [doc, ...overrides];
    await CalendarTrashModel.replaceOne(
      { _id: doc._id, userId: actor.id },
      { userId: doc.userId, events: docs, deletedAt: new Date() },
      { upsert: true },
    );
    await changeBuckets(actor.id, entriesOf(docs), []);
    await CalendarEventModel.deleteMany({ userId: actor.id, _id: { $in: docs.map((d) => d._id) } });
    for (const gone of docs)
      await deps.events.emit({ type: 'calendar.event.deleted', userId: actor.id, data: { id: String(gone._id) } });
  }

  async function restore(actor: AuthUser, id: string) {
    const trashed = await CalendarTrashModel.findOne({ _id: id, userId: actor.id }).lean<{ events: CalendarEventDoc[] }>();
    if (!trashed) throw notFound('Deleted event');
    const docs = trashed.events.map((doc) => ({ ...doc, _id: new Types.ObjectId(String(doc._id)), updatedAt: new Date() }));
    for (const doc of docs) {
      try {
        await CalendarEventModel.collection.insertOne(doc);
      } catch (error) {
        if (!isDuplicateKey(error)) throw error; // restored already by a retry, or its UID came back meanwhile (below)
      }
    }
    const event = await CalendarEventModel.findOne({ _id: id }).setOptions({ tenancy: 'system' }).lean<CalendarEventDoc>();
    if (!event) throw conflict('An event with the same UID was imported since: this one cannot come back');
    await changeBuckets(actor.id, [], entriesOf(docs));
    await CalendarTrashModel.deleteOne({ _id: id, userId: actor.id });
    for (const doc of docs) await announce('calendar.event.created', toCalendarEventDto(doc));
    return toCalendarEventDto(event);
  }

  async function importFile(actor: AuthUser, file: UploadedFile, fields: ImportFields): Promise<CalendarImportResult> {
    const parsed = await readIcsFile(file.path, { timeZone: fields.timeZone ?? (await timeZoneOf(actor)) });
    const counts = await upsertIcsEvents(actor.id, { source: 'ics', subscriptionId: null }, parsed);
    if (counts.created + counts.updated > 0) {
      await deps.events.emit({
        type: 'calendar.events.changed',
        userId: actor.id,
        data: { source: 'ics', subscriptionId: null },
      });
    }
    return {
      created: counts.created,
      updated: counts.updated,
      unchanged: counts.unchanged,
      skipped: counts.skipped,
      skips: counts.skips,
    };
  }

  return { list, get, create, update, remove, restore, importFile };
}

export type CalendarService = ReturnType<typeof createCalendarService>;

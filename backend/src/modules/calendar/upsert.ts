import type { CalendarSource } from '@panoramix/contracts';
import { Types } from 'mongoose';
import { onlyDuplicateKeys } from '../../db/duplicate-key.ts';
import { ONE_BATCH } from '../../lib/filters.ts';
import { enqueue } from '../../ml/index/queue.ts';
import { rebuildBuckets } from './buckets.ts';
import type { IcsSkip, ParsedIcs, IcsEvent } from './ics-parser.ts';
import { CalendarEventModel } from './model.ts';
import type { CalendarEventDoc } from './model.ts';

/** Where imported events come from: a file (`ics`) or a subscription's feed. */
export interface IcsTarget {
  source: Exclude<CalendarSource, 'manual'>;
  subscriptionId: string | null;
}

export interface IcsUpsertOptions {
  /** A subscription's copy is the feed: its events the feed no longer has are deleted. */
  removeMissing?: boolean;
  /** Events (not series) ended before this are neither kept nor written (the subscriptions' 90-day purge). */
  purgeBefore?: Date;
}

export interface IcsUpsertCounts {
  created: number;
  updated: number;
  unchanged: number;
  removed: number;
  skipped: number;
  skips: IcsSkip[];
}

const SKIPS_LISTED = 100;

/** The upsert key: a VEVENT's UID, and for an override the occurrence it replaces. */
const keyOf = (uid: string, occurrenceStart: Date | null | undefined) => `${uid}\n${occurrenceStart?.getTime() ?? ''}`;

type Fields = Omit<CalendarEventDoc, '_id' | 'userId' | 'createdAt' | 'updatedAt'>;

const fieldsOf = (event: IcsEvent, target: IcsTarget, seriesId: Types.ObjectId | null): Fields => ({
  uid: event.uid,
  title: event.title,
  description: event.description,
  location: event.location,
  start: event.start,
  end: event.end,
  allDay: event.allDay,
  source: target.source,
  subscriptionId: target.subscriptionId ? new Types.ObjectId(target.subscriptionId) : null,
  recurrence: event.recurrence,
  timeZone: event.timeZone,
  recurringEventId: seriesId,
  occurrenceStart: event.recurrenceId,
});

const same = (doc: CalendarEventDoc, fields: Fields) =>
  (Object.keys(fields) as (keyof Fields)[]).every((name) => {
    const [a, b] = [doc[name], fields[name]];
    if (a instanceof Date || b instanceof Date) return (a as Date | null)?.getTime() === (b as Date | null)?.getTime();
    if (a instanceof Types.ObjectId || b instanceof Types.ObjectId) return String(a ?? '') === String(b ?? '');
    return (a ?? null) === (b ?? null);
  });

/**
 * Writes a parsed calendar's VEVENTs as the user's events, upserted by UID (an override by UID
 * and RECURRENCE-ID): new ones inserted, changed ones updated, the same ones left alone. The
 * subscriptions' job calls it with `removeMissing` and `purgeBefore`; the file import without.
 *
 * One read of the user's events, then bulk writes, then the month buckets rebuilt once and the
 * search index told in one write: an import of 10,000 events does not write 10,000 buckets.
 */
export async function upsertIcsEvents(
  userId: string,
  target: IcsTarget,
  parsed: ParsedIcs,
  options: IcsUpsertOptions = {},
): Promise<IcsUpsertCounts> {
  const owner = new Types.ObjectId(userId);
  const existing = await CalendarEventModel.find({ userId }).batchSize(ONE_BATCH).lean<CalendarEventDoc[]>();
  const byKey = new Map(existing.map((doc) => [keyOf(doc.uid, doc.occurrenceStart), doc]));
  const kept = (event: IcsEvent) => !options.purgeBefore || event.recurrence !== null || event.end >= options.purgeBefore;
  // The file's last copy of a key wins; series first, so their overrides find the series' id.
  const incoming = [
    ...new Map(parsed.events.filter(kept).map((event) => [keyOf(event.uid, event.recurrenceId), event])).values(),
  ];
  incoming.sort((a, b) => Number(a.recurrenceId !== null) - Number(b.recurrenceId !== null));

  const seriesIds = new Map<string, Types.ObjectId>();
  const inserts: (Fields & { _id: Types.ObjectId; userId: Types.ObjectId })[] = [];
  const updates: { _id: Types.ObjectId; fields: Fields }[] = [];
  const seen = new Set<string>();
  let unchanged = 0;
  for (const event of incoming) {
    const key = keyOf(event.uid, event.recurrenceId);
    seen.add(key);
    const current = byKey.get(key);
    const id = current?._id ?? new Types.ObjectId();
    if (event.recurrence) seriesIds.set(event.uid, id);
    const fields = fieldsOf(event, target, event.recurrenceId ? (seriesIds.get(event.uid) ?? null) : null);
    if (!current) inserts.push({ _id: id, userId: owner, ...fields });
    else if (same(current, fields)) unchanged += 1;
    else updates.push({ _id: id, fields });
  }
  const removals = existing.filter((doc) => {
    const mine = target.subscriptionId !== null && String(doc.subscriptionId) === target.subscriptionId;
    if (!mine || seen.has(keyOf(doc.uid, doc.occurrenceStart))) return false;
    return options.removeMissing || (options.purgeBefore && !doc.recurrence && doc.end < options.purgeBefore);
  });

  await write(owner, inserts, updates, removals);
  const changed = [...inserts, ...updates, ...removals].map((doc) => String(doc._id));
  if (changed.length > 0) {
    await rebuildBuckets(userId);
    await enqueue(changed.map((id) => ({ kind: 'event', id })));
  }
  return {
    created: inserts.length,
    updated: updates.length,
    unchanged,
    removed: removals.length,
    skipped: parsed.skips.length,
    skips: parsed.skips.slice(0, SKIPS_LISTED),
  };
}

async function write(
  owner: Types.ObjectId,
  inserts: (Fields & { _id: Types.ObjectId; userId: Types.ObjectId })[],
  updates: { _id: Types.ObjectId; fields: Fields }[],
  removals: CalendarEventDoc[],
) {
  const now = new Date();
  if (inserts.length > 0) {
    // A racing import of the same file inserted some first: theirs stand (a duplicate key each).
    await CalendarEventModel.collection
      .insertMany(
        inserts.map((doc) => ({ ...doc, createdAt: now, updatedAt: now })),
        { ordered: false },
      )
      .catch((error: unknown) => {
        if (!onlyDuplicateKeys(error)) throw error;
      });
  }
  if (updates.length > 0) {
    // By `_id` alone, the one filter FerretDB pushes down (else each update reads the collection):
    // the ids are of the user's own events, read above.
    await CalendarEventModel.bulkWrite(
      updates.map(({ _id, fields }) => ({
        updateOne: { filter: { _id }, update: { $set: { ...fields, updatedAt: now } } },
      })),
      { ordered: false },
    );
  }
  if (removals.length > 0) await CalendarEventModel.deleteMany({ userId: owner, _id: { $in: removals.map((doc) => doc._id) } });
}

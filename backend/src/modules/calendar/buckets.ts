import type { CalendarEvent } from '@panoramix/contracts';
import { Schema, Types, model } from 'mongoose';
import { isDuplicateKey } from '../../db/duplicate-key.ts';
import { ONE_BATCH } from '../../lib/filters.ts';
import { toCalendarEventDto } from './dto.ts';
import { CalendarEventModel } from './model.ts';
import type { CalendarEventDoc } from './model.ts';

/**
 * What a range read needs of a user's events, kept in a few documents addressed by `_id`
 * (`<userId>|<YYYY-MM>`, and `<userId>|always` for series and events longer than three months):
 * the one lookup FerretDB pushes down, where a query on the events collection reads all of it
 * (~0.1 ms an event, 1 s for 10,000). A month is one JSON string, `{ <eventId>: entry }`
 * (FerretDB reads one long string in a few ms, where as many fields took far longer: see the
 * budget's books). Written by read-modify-write on `v`; rebuilt from the events by
 * rebuildBuckets (nightly, and after an archive import).
 *
 * Not exported: derived from the events.
 */
const calendarBucketSchema = new Schema(
  {
    _id: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    key: { type: String, required: true },
    v: { type: Number, required: true },
    entries: { type: String, required: true },
  },
  { versionKey: false, timestamps: false },
);
calendarBucketSchema.index({ userId: 1 });
export const CalendarBucketModel = model('CalendarBucket', calendarBucketSchema, 'calendar_buckets');

/** An event as the range list answers it; a series also lists the starts its overrides took over. */
export type BucketEntry = CalendarEvent & { overrides?: string[] };
type Entries = Record<string, BucketEntry>;
interface BucketDoc {
  _id: string;
  v: number;
  entries: string;
}

const ALWAYS = 'always';
const LONG_MONTHS = 3;
const buckets = () => CalendarBucketModel.collection;
const bucketId = (userId: string, key: string) => `${userId}|${key}`;

const monthKey = (date: Date) => date.toISOString().slice(0, 7);

/** The months from `from`'s to `last`'s, as `YYYY-MM`. */
function monthsBetween(from: Date, last: Date): string[] {
  const months: string[] = [];
  const cursor = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1));
  while (cursor <= last) {
    months.push(monthKey(cursor));
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  return months;
}

/** The buckets an event lives in: the months it touches (UTC), or `always`. */
export function bucketKeysOf(entry: Pick<BucketEntry, 'start' | 'end' | 'recurrence'>): string[] {
  if (entry.recurrence) return [ALWAYS];
  const start = new Date(entry.start);
  const last = new Date(Math.max(start.getTime(), Date.parse(entry.end) - 1));
  const months = monthsBetween(start, last);
  return months.length > LONG_MONTHS ? [ALWAYS] : months;
}

/** The buckets a range reads: its months, and `always`. */
export const rangeKeys = (from: Date, to: Date) => [
  ...monthsBetween(from, new Date(Math.max(from.getTime(), to.getTime() - 1))),
  ALWAYS,
];

/** The entries of these buckets, each read by its `_id`, once each. */
export async function readBuckets(userId: string, keys: readonly string[]): Promise<BucketEntry[]> {
  const docs = await Promise.all(keys.map((key) => buckets().findOne({ _id: bucketId(userId, key) } as never)));
  const byId = new Map<string, BucketEntry>();
  for (const doc of docs) {
    if (!doc) continue;
    for (const entry of Object.values(JSON.parse((doc as unknown as BucketDoc).entries) as Entries)) byId.set(entry.id, entry);
  }
  return [...byId.values()];
}

/** The entry of an event, by its id, from the buckets its stored state names (a series: its overrides). */
export async function readEntry(userId: string, event: Pick<BucketEntry, 'id' | 'start' | 'end' | 'recurrence'>) {
  const entries = await readBuckets(userId, bucketKeysOf(event));
  return entries.find((entry) => entry.id === event.id) ?? null;
}

/**
 * Brings the buckets in step with a write: `removed` are the events as they were, `added` as they
 * are now (an edit is in both). Bucket by bucket: read, change, write back if no one wrote
 * meanwhile (`v`), else again; a bucket never seen is inserted, and a racing insert wins.
 */
export async function changeBuckets(userId: string, removed: readonly BucketEntry[], added: readonly BucketEntry[]) {
  const changes = new Map<string, Map<string, BucketEntry | null>>();
  const change = (entry: BucketEntry, value: BucketEntry | null) => {
    for (const key of bucketKeysOf(entry)) {
      const bucket = changes.get(key) ?? new Map<string, BucketEntry | null>();
      bucket.set(entry.id, value);
      changes.set(key, bucket);
    }
  };
  for (const entry of removed) change(entry, null);
  for (const entry of added) change(entry, entry);
  await Promise.all([...changes].map(([key, change]) => applyChange(userId, key, change)));
}

async function applyChange(userId: string, key: string, change: Map<string, BucketEntry | null>) {
  const _id = bucketId(userId, key);
  for (;;) {
    const doc = (await buckets().findOne({ _id } as never)) as unknown as BucketDoc | null;
    const entries: Entries = doc ? (JSON.parse(doc.entries) as Entries) : {};
    for (const [id, entry] of change) {
      if (entry) entries[id] = entry;
      else delete entries[id];
    }
    const text = JSON.stringify(entries);
    if (!doc) {
      try {
        await buckets().insertOne({ _id, userId: new Types.ObjectId(userId), key, v: 1, entries: text } as never);
        return;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        continue;
      }
    }
    const { modifiedCount } = await buckets().updateOne({ _id, v: doc.v } as never, { $set: { entries: text, v: doc.v + 1 } });
    if (modifiedCount === 1) return;
  }
}

/** Entries of events as stored: each series lists the starts its overrides (in `docs`) took over. */
export function entriesOf(docs: readonly CalendarEventDoc[]): BucketEntry[] {
  const overrides = new Map<string, string[]>();
  for (const doc of docs) {
    if (!doc.recurringEventId || !doc.occurrenceStart) continue;
    const id = String(doc.recurringEventId);
    overrides.set(id, [...(overrides.get(id) ?? []), doc.occurrenceStart.toISOString()]);
  }
  return docs.map((doc) => {
    const entry: BucketEntry = toCalendarEventDto(doc);
    const taken = doc.recurrence ? overrides.get(String(doc._id)) : undefined;
    return taken ? { ...entry, overrides: taken } : entry;
  });
}

/**
 * Recomputes a user's buckets from their events. Each bucket is written only if no write changed
 * it since the rebuild began (`v`); one that did starts the rebuild again, so an event created
 * meanwhile is never dropped from its month.
 */
export async function rebuildBuckets(userId: string) {
  const owner = new Types.ObjectId(userId);
  for (;;) {
    const before = new Map(
      ((await buckets().find({ userId: owner }).project({ v: 1, key: 1 }).toArray()) as unknown as BucketDoc[]).map((doc) => [
        doc._id,
        doc.v,
      ]),
    );
    const docs = await CalendarEventModel.find({ userId }).batchSize(ONE_BATCH).lean<CalendarEventDoc[]>();
    const byKey = new Map<string, Entries>();
    for (const entry of entriesOf(docs)) {
      for (const key of bucketKeysOf(entry)) {
        const entries = byKey.get(key) ?? {};
        entries[entry.id] = entry;
        byKey.set(key, entries);
      }
    }
    if (await writeAll(userId, byKey, before)) return;
  }
}

/** Writes a rebuild's buckets (empties the others); false when a write came in between. */
async function writeAll(userId: string, byKey: Map<string, Entries>, before: Map<string, number>) {
  const owner = new Types.ObjectId(userId);
  const empty = [...before.keys()].filter((id) => !byKey.has(id.slice(userId.length + 1)));
  for (const _id of empty) {
    const { modifiedCount } = await buckets().updateOne({ _id, v: before.get(_id) } as never, {
      $set: { entries: '{}', v: before.get(_id)! + 1 },
    });
    if (modifiedCount !== 1) return false;
  }
  for (const [key, entries] of byKey) {
    const _id = bucketId(userId, key);
    const v = before.get(_id);
    const text = JSON.stringify(entries);
    if (v === undefined) {
      try {
        await buckets().insertOne({ _id, userId: owner, key, v: 1, entries: text } as never);
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        return false;
      }
    } else {
      const { matchedCount } = await buckets().updateOne({ _id, v } as never, { $set: { entries: text, v: v + 1 } });
      if (matchedCount !== 1) return false;
    }
  }
  return true;
}

/** Every user's buckets, from their events: nightly, and after an archive import (the buckets are not exported). */
export async function rebuildAllBuckets() {
  const owners = await CalendarEventModel.distinct('userId').setOptions({ tenancy: 'system' });
  const kept = new Set(owners.map(String));
  const stale = (await buckets().distinct('userId')).filter((owner) => !kept.has(String(owner)));
  if (stale.length > 0) await buckets().deleteMany({ userId: { $in: stale } });
  for (const owner of owners) await rebuildBuckets(String(owner));
}

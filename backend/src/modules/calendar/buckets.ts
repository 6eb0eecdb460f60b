import type { CalendarEvent } from '@panoramix/contracts';
import { Schema, Types, model } from 'mongoose';
import { rebuildEveryOwner, rebuildOwnerMaps, rebuildUnlessCurrent } from '../../db/owner-json-maps.ts';
import type { UpgradeCause } from '../../db/owner-json-maps.ts';
import { changeJsonMap, readJsonMap } from '../../db/versioned-json-map.ts';
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
 * budget's books), a versioned JSON map (db/versioned-json-map.ts); rebuilt from the events by
 * rebuildBuckets (nightly, after an archive import, and at a start when their format changed).
 *
 * Not exported: derived from the events.
 */
const calendarBucketSchema = new Schema(
  {
    _id: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    key: { type: String, required: true },
    v: { type: Number, required: true },
    entries: { type: String, default: null },
  },
  { versionKey: false, timestamps: false },
);
calendarBucketSchema.index({ userId: 1 });
export const CalendarBucketModel = model('CalendarBucket', calendarBucketSchema, 'calendar_buckets');

/** An event as the range list answers it; a series also lists the starts its overrides took over. */
export type BucketEntry = CalendarEvent & { overrides?: string[] };
type Entries = Record<string, BucketEntry>;

/** Bumped when the buckets' shape changes: the next start rebuilds them. */
const BUCKETS_VERSION = 1;
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
  const maps = await Promise.all(keys.map((key) => readJsonMap<BucketEntry>(buckets(), bucketId(userId, key))));
  const byId = new Map<string, BucketEntry>();
  for (const entries of maps) for (const entry of Object.values(entries ?? {})) byId.set(entry.id, entry);
  return [...byId.values()];
}

/** The entry of an event, by its id, from the buckets its stored state names (a series: its overrides). */
export async function readEntry(userId: string, event: Pick<BucketEntry, 'id' | 'start' | 'end' | 'recurrence'>) {
  const entries = await readBuckets(userId, bucketKeysOf(event));
  return entries.find((entry) => entry.id === event.id) ?? null;
}

/** Brings the buckets in step with a write: `removed` are the events as they were, `added` as they are now (an edit is in both). */
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
  const onInsert = (key: string) => ({ userId: new Types.ObjectId(userId), key });
  await Promise.all([...changes].map(([key, change]) => changeJsonMap(buckets(), bucketId(userId, key), onInsert(key), change)));
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

/** Recomputes a user's buckets from their events. */
export async function rebuildBuckets(userId: string) {
  const keyOf = (_id: string) => _id.slice(userId.length + 1);
  await rebuildOwnerMaps(
    buckets(),
    new Types.ObjectId(userId),
    async () => {
      const docs = await CalendarEventModel.find({ userId }).batchSize(ONE_BATCH).lean<CalendarEventDoc[]>();
      const byId = new Map<string, Entries>();
      for (const entry of entriesOf(docs)) {
        for (const key of bucketKeysOf(entry)) {
          const entries = byId.get(bucketId(userId, key)) ?? {};
          entries[entry.id] = entry;
          byId.set(bucketId(userId, key), entries);
        }
      }
      return byId;
    },
    (_id) => ({ userId: new Types.ObjectId(userId), key: keyOf(_id) }),
  );
}

/** Every user's buckets, from their events: nightly, and through the upgrade hook (the buckets are not exported). */
export async function rebuildAllBuckets() {
  const owners = await CalendarEventModel.distinct('userId').setOptions({ tenancy: 'system' });
  await rebuildEveryOwner(buckets(), owners, rebuildBuckets);
}

/** At a start only when the buckets' format changed (or they are missing); after an archive import always. */
export const upgradeBuckets = (cause: UpgradeCause) => rebuildUnlessCurrent(buckets(), BUCKETS_VERSION, cause, rebuildAllBuckets);

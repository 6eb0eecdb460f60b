import { Schema, Types, model } from 'mongoose';
import { rebuildEveryOwner, rebuildOwnerMaps, rebuildUnlessCurrent } from '../../db/owner-json-maps.ts';
import type { UpgradeCause } from '../../db/owner-json-maps.ts';
import { changeJsonMap, readJsonMap } from '../../db/versioned-json-map.ts';
import type { JobDefinition } from '../../jobs/runner.ts';
import { ONE_BATCH } from '../../lib/filters.ts';
import { JournalEntryModel } from './model.ts';
import type { JournalEntryDoc } from './model.ts';

/**
 * What the journal's list reads, kept in documents addressed by `_id`, the one lookup FerretDB
 * pushes down (a query on the entries reads the whole collection: 2-4 s for 10,000 lines):
 * `<userId>|<YYYY-MM-DD>` holds a UTC day's lines as one JSON map `{ <entryId>: line }`
 * (versioned-json-map.ts), `<userId>|days` the days that have some. Every write keeps them in
 * step; rebuilt from the entries nightly, at a start when their format changed, after an import.
 *
 * Not exported: derived from the entries.
 */
const journalDaySchema = new Schema(
  {
    _id: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    v: { type: Number, required: true },
    entries: { type: String, default: null },
  },
  { versionKey: false, timestamps: false },
);
journalDaySchema.index({ userId: 1 });
export const JournalDayModel = model('JournalDay', journalDaySchema, 'journal_days');

/** A line as a day keeps it; times in epoch milliseconds. */
export interface DayLine {
  content: string;
  createdAt: number;
  updatedAt: number;
}
/** A line read back from its day, in the shape of a stored entry. */
export type ListedLine = Pick<JournalEntryDoc, '_id' | 'userId' | 'content' | 'createdAt' | 'updatedAt'>;

/** Bumped when the documents' shape changes: the next start rebuilds them. */
const DAYS_VERSION = 1;
const DAYS = 'days';
const days = () => JournalDayModel.collection;
const dayKey = (at: Date) => at.toISOString().slice(0, 10);
const docId = (userId: string, key: string) => `${userId}|${key}`;
const onInsert = (userId: string) => ({ userId: new Types.ObjectId(userId) });

const lineOf = (doc: Pick<JournalEntryDoc, 'content' | 'createdAt' | 'updatedAt'>): DayLine => ({
  content: doc.content,
  createdAt: doc.createdAt.getTime(),
  updatedAt: doc.updatedAt.getTime(),
});

/** Newest first, then by id: the list's order. */
const newestFirst = (a: ListedLine, b: ListedLine) =>
  b.createdAt.getTime() - a.createdAt.getTime() || String(b._id).localeCompare(String(a._id));

/** Brings the days in step with a write: `removed` as the lines were, `added` as they are now (an edit is in both). */
export async function changeDays(
  userId: string,
  removed: readonly Pick<JournalEntryDoc, '_id' | 'createdAt'>[],
  added: readonly JournalEntryDoc[],
) {
  const changes = new Map<string, Map<string, DayLine | null>>();
  const change = (key: string, id: string, line: DayLine | null) =>
    changes.set(key, (changes.get(key) ?? new Map<string, DayLine | null>()).set(id, line));
  for (const doc of removed) change(dayKey(doc.createdAt), String(doc._id), null);
  for (const doc of added) change(dayKey(doc.createdAt), String(doc._id), lineOf(doc));
  const known = (await readJsonMap<number>(days(), docId(userId, DAYS))) ?? {};
  const newDays = new Map([...changes.keys()].filter((key) => !(key in known)).map((key) => [key, 1]));
  // The day is listed before its line is written: a list never misses a day that has lines.
  await changeJsonMap(days(), docId(userId, DAYS), onInsert(userId), newDays);
  await Promise.all([...changes].map(([key, lines]) => changeJsonMap(days(), docId(userId, key), onInsert(userId), lines)));
}

/** Reads the user's lines day by day, newest day first, until `enough` says so (it gets each day's lines, newest first). */
export async function readDays(
  userId: string,
  range: { from?: Date; to?: Date },
  enough: (lines: ListedLine[]) => boolean,
): Promise<void> {
  const known = Object.keys((await readJsonMap<number>(days(), docId(userId, DAYS))) ?? {});
  const [first, last] = [range.from && dayKey(range.from), range.to && dayKey(range.to)];
  const wanted = known.filter((key) => (!first || key >= first) && (!last || key <= last)).sort((a, b) => b.localeCompare(a));
  const owner = new Types.ObjectId(userId);
  for (const key of wanted) {
    const lines = (await readJsonMap<DayLine>(days(), docId(userId, key))) ?? {};
    const listed = Object.entries(lines).map(([id, line]) => ({
      _id: new Types.ObjectId(id),
      userId: owner,
      content: line.content,
      createdAt: new Date(line.createdAt),
      updatedAt: new Date(line.updatedAt),
    }));
    if (enough(listed.sort(newestFirst))) return;
  }
}

/** Drops every day of the user's (*Tout effacer*). */
export const clearDays = (userId: string) => days().deleteMany({ userId: new Types.ObjectId(userId) });

/** Recomputes a user's days from their entries. */
export async function rebuildDays(userId: string) {
  await rebuildOwnerMaps(
    days(),
    new Types.ObjectId(userId),
    async () => {
      const docs = await JournalEntryModel.find({ userId }).batchSize(ONE_BATCH).lean<JournalEntryDoc[]>();
      const byDay = new Map<string, Record<string, DayLine>>();
      for (const doc of docs) {
        const key = docId(userId, dayKey(doc.createdAt));
        const lines = byDay.get(key) ?? {};
        lines[String(doc._id)] = lineOf(doc);
        byDay.set(key, lines);
      }
      const listed = Object.fromEntries([...byDay.keys()].map((id) => [id.slice(userId.length + 1), 1]));
      return new Map<string, Record<string, unknown>>([...byDay, [docId(userId, DAYS), listed]]);
    },
    () => onInsert(userId),
  );
}

/** Every user's days, from their entries: nightly, and through the upgrade hook (rebuildUnlessCurrent). */
export async function rebuildAllDays() {
  const owners = await JournalEntryModel.distinct('userId').setOptions({ tenancy: 'system' });
  await rebuildEveryOwner(days(), owners, rebuildDays);
}

export const upgradeDays = (cause: UpgradeCause) => rebuildUnlessCurrent(days(), DAYS_VERSION, cause, rebuildAllDays);

export const journalJobs: JobDefinition[] = [
  // A crash between a line's write and its day's leaves that day stale until this runs.
  { name: 'journal.rebuild-days', every: '1 day', skipImmediate: true, run: rebuildAllDays },
];

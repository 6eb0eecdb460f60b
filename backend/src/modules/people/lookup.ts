import type { PersonRecord } from '@panoramix/contracts';
import { Schema, Types, model } from 'mongoose';
import type { JobDefinition } from '../../jobs/runner.ts';
import { isDuplicateKey } from '../../db/duplicate-key.ts';
import { toPersonDto } from './dto.ts';
import { PersonModel } from './model.ts';
import type { PersonDoc } from './model.ts';

/**
 * What a list filters, sorts and shows of a person. Kept beside the people, one document per user
 * addressed by `_id`, in a collection of a few documents: on FerretDB any read of the people, even
 * of one by `_id`, reads the whole collection (a search over 10,000 people took seconds, 200 reads
 * by `_id` longer still), so a list reads this one document and nothing else.
 */
export type LookupEntry = [searchText: string, sortName: string, record: PersonRecord];
export type LookupEntries = Record<string, LookupEntry>;

/**
 * The entries as one JSON string: FerretDB v1 reads and writes one long string in a few ms, where
 * a document of thousands of fields or array items takes hundreds (budget/books/model.ts measured
 * it). `entries` is null while the document is being built (see `build`). Written by
 * read-modify-write on `v`.
 */
const lookupSchema = new Schema(
  {
    _id: { type: String, required: true },
    v: { type: Number, required: true },
    entries: { type: String, default: null },
  },
  { versionKey: false, timestamps: false },
);
export const PeopleLookupModel = model('PeopleLookup', lookupSchema, 'people_lookup');

interface LookupDoc {
  _id: string;
  v: number;
  entries: string | null;
}
const lookups = () => PeopleLookupModel.db.collection<LookupDoc>('people_lookup');

export const lookupEntryOf = (person: PersonDoc): LookupEntry => [person.searchText, person.sortName, toPersonDto(person)];

/** The lookup changes of these people as they are now. */
export const lookupChanges = (people: readonly PersonDoc[]) =>
  new Map(people.map((person) => [String(person._id), lookupEntryOf(person)] as const));

/**
 * Brings the user's lookup in step with people just written (an entry) or deleted (null): read,
 * change, write back if no one wrote meanwhile (`v`), else again. Call it after the write: a
 * document not built yet is built later from the people, this write included.
 */
export async function changeLookup(userId: string, changes: ReadonlyMap<string, LookupEntry | null>) {
  if (changes.size === 0) return;
  for (;;) {
    const doc = await lookups().findOne({ _id: userId });
    if (!doc) return;
    // Being built from people read maybe before this write: a newer `v` makes the builder's write fail.
    const entries: LookupEntries | null = doc.entries === null ? null : (JSON.parse(doc.entries) as LookupEntries);
    for (const [id, entry] of entries ? changes : []) {
      if (entry) entries![id] = entry;
      else delete entries![id];
    }
    const set = entries ? { entries: JSON.stringify(entries), v: doc.v + 1 } : { v: doc.v + 1 };
    const { matchedCount } = await lookups().updateOne({ _id: userId, v: doc.v }, { $set: set });
    if (matchedCount === 1) return;
  }
}

/**
 * Builds the user's lookup from their people (one scan). The document is claimed first (inserted
 * without entries, or its `v` read): a write after that bumps `v`, so the entries, which may miss
 * it, are stored only if none came; otherwise this answer uses them and the next read builds again.
 */
async function build(userId: string, found: LookupDoc | null): Promise<LookupEntries> {
  let v = found?.v ?? 0;
  if (!found) {
    try {
      await lookups().insertOne({ _id: userId, v, entries: null });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const raced = await lookups().findOne({ _id: userId });
      if (raced?.entries) return JSON.parse(raced.entries) as LookupEntries;
      v = raced?.v ?? 0;
    }
  }
  const entries = await lookupOfPeople(userId);
  await lookups().updateOne({ _id: userId, v }, { $set: { entries: JSON.stringify(entries), v: v + 1 } });
  return entries;
}

/** The user's entries as their people give them (one scan). */
export async function lookupOfPeople(userId: string): Promise<LookupEntries> {
  const people = await PersonModel.find({ userId: new Types.ObjectId(userId) }).lean<PersonDoc[]>();
  return Object.fromEntries(lookupChanges(people));
}

/** The user's stored entries, null when not built (tests compare them with `lookupOfPeople`). */
export async function storedLookup(userId: string): Promise<LookupEntries | null> {
  const doc = await lookups().findOne({ _id: userId });
  return doc?.entries ? (JSON.parse(doc.entries) as LookupEntries) : null;
}

/** The user's entries: one read by `_id`, built from the people when missing. */
export async function readLookup(userId: string): Promise<LookupEntries> {
  const doc = await lookups().findOne({ _id: userId });
  return doc?.entries ? (JSON.parse(doc.entries) as LookupEntries) : build(userId, doc);
}

/**
 * Rebuilds every user's lookup from their people, for what a crash between a person's write and
 * its lookup's left behind (or a second instance's write racing on FerretDB, whose conditional
 * updates are not atomic).
 */
export async function rebuildLookups() {
  const owners = (await PersonModel.distinct('userId').setOptions({ tenancy: 'system' })) as Types.ObjectId[];
  for (const owner of owners) await build(String(owner), await lookups().findOne({ _id: String(owner) }));
}

/**
 * At start and after an archive import, whose people were written past this module: every lookup
 * is dropped, and each is built again on its user's next list.
 */
export const dropLookups = () => lookups().deleteMany({});

export const lookupJobs: JobDefinition[] = [
  { name: 'people.rebuild-lookups', every: '1 day', skipImmediate: true, run: rebuildLookups },
];

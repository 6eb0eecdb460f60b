import type { PersonRecord } from '@panoramix/contracts';
import { Schema, Types, model } from 'mongoose';
import type { Document } from 'mongodb';
import type { JobDefinition } from '../../jobs/runner.ts';
import { isDuplicateKey } from '../../db/duplicate-key.ts';
import { rebuildUnlessCurrent } from '../../db/owner-json-maps.ts';
import type { UpgradeCause } from '../../db/owner-json-maps.ts';
import { changeJsonMap, readJsonMap } from '../../db/versioned-json-map.ts';
import type { VersionedJsonMapDoc } from '../../db/versioned-json-map.ts';
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
 * The entries as one JSON map (db/versioned-json-map.ts): `entries` is null while the document is
 * being built (see `build`). `userId` lets the nightly rebuild find lookups whose owner is gone.
 */
const lookupSchema = new Schema(
  {
    _id: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    v: { type: Number, required: true },
    entries: { type: String, default: null },
  },
  { versionKey: false, timestamps: false },
);
export const PeopleLookupModel = model('PeopleLookup', lookupSchema, 'people_lookup');

/**
 * The lookups' format: bump it when what an entry holds changes (lookupEntryOf, toPersonDto, the
 * search text), and the next start drops every lookup, each built again on its user's next list.
 * 2: documents carry `userId`.
 */
const LOOKUP_FORMAT = 2;

const lookups = () => PeopleLookupModel.db.collection<Document>('people_lookup');

export const lookupEntryOf = (person: PersonDoc): LookupEntry => [person.searchText, person.sortName, toPersonDto(person)];

/** The lookup changes of these people as they are now. */
export const lookupChanges = (people: readonly PersonDoc[]) =>
  new Map(people.map((person) => [String(person._id), lookupEntryOf(person)] as const));

/**
 * Brings the user's lookup in step with people just written (an entry) or deleted (null). Call it
 * after the write: a document not built yet is built later from the people, this write included.
 */
export const changeLookup = (userId: string, changes: ReadonlyMap<string, LookupEntry | null>) =>
  changeJsonMap(lookups(), userId, null, changes);

/**
 * Builds the user's lookup from their people (one scan). The document is claimed first (inserted
 * without entries, or its `v` read): a write after that bumps `v`, so the entries, which may miss
 * it, are stored only if none came; otherwise this answer uses them and the next read builds again.
 */
async function build(userId: string, found: VersionedJsonMapDoc | null): Promise<LookupEntries> {
  let v = found?.v ?? 0;
  if (!found) {
    try {
      await lookups().insertOne({ _id: userId, userId: new Types.ObjectId(userId), v, entries: null } as never);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const raced = (await lookups().findOne({ _id: userId } as never)) as VersionedJsonMapDoc | null;
      if (raced?.entries) return JSON.parse(raced.entries) as LookupEntries;
      v = raced?.v ?? 0;
    }
  }
  const entries = await lookupOfPeople(userId);
  await lookups().updateOne({ _id: userId, v } as never, { $set: { entries: JSON.stringify(entries), v: v + 1 } });
  return entries;
}

/** The user's entries as their people give them (one scan). */
export async function lookupOfPeople(userId: string): Promise<LookupEntries> {
  const people = await PersonModel.find({ userId: new Types.ObjectId(userId) }).lean<PersonDoc[]>();
  return Object.fromEntries(lookupChanges(people));
}

/** The user's stored entries, null when not built (tests compare them with `lookupOfPeople`). */
export const storedLookup = (userId: string) => readJsonMap<LookupEntry>(lookups(), userId);

/** The user's entries: one read by `_id`, built from the people when missing. */
export async function readLookup(userId: string): Promise<LookupEntries> {
  const doc = (await lookups().findOne({ _id: userId } as never)) as VersionedJsonMapDoc | null;
  return doc?.entries ? (JSON.parse(doc.entries) as LookupEntries) : build(userId, doc);
}

/**
 * Builds the user's lookup when it is missing, so that a write after this updates it; one read of
 * `_id` alone otherwise (the entries, megabytes at 10,000 people, are not read or parsed).
 */
export async function ensureLookup(userId: string) {
  if (!(await lookups().findOne({ _id: userId } as never, { projection: { _id: 1 } }))) await build(userId, null);
}

/**
 * Rebuilds every user's lookup from their people, for what a crash between a person's write and
 * its lookup's left behind (or a second instance's write racing on FerretDB, whose conditional
 * updates are not atomic), and drops the lookups of users who have no people any more (a deleted
 * account's): a list builds theirs again.
 */
export async function rebuildLookups() {
  const owners = (await PersonModel.distinct('userId').setOptions({ tenancy: 'system' })) as Types.ObjectId[];
  await lookups().deleteMany({ userId: { $exists: true, $nin: owners } });
  for (const owner of owners) {
    const _id = String(owner);
    await build(_id, (await lookups().findOne({ _id } as never)) as VersionedJsonMapDoc | null);
  }
}

/** Every lookup dropped: each is built again on its user's next list. */
export async function dropLookups() {
  await lookups().deleteMany({});
}

/**
 * At start, the lookups are dropped only when their format changed; after an archive import, whose
 * people were written past this module, always.
 */
export const upgradeLookups = (cause: UpgradeCause) => rebuildUnlessCurrent(lookups(), LOOKUP_FORMAT, cause, dropLookups);

export const lookupJobs: JobDefinition[] = [
  { name: 'people.rebuild-lookups', every: '1 day', skipImmediate: true, run: rebuildLookups },
];

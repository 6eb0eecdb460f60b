import { Types } from 'mongoose';
import { changeJsonMap, readJsonMap } from '../../../db/versioned-json-map.ts';
import type { ExistingLine } from '../dedup.ts';
import { BudgetKeysModel, bookId } from './model.ts';

/** What dedup keeps of a line: whether it may be reconciled (typed by hand, not yet matched, no bank id), its bank id, its key. */
export type KeyEntry = [manual: 0 | 1, bankId: string, dedupeKey: string];
export type KeyEntries = Record<string, KeyEntry>;

interface KeysDoc {
  _id: string;
  v: number;
  entries: string;
}

const keys = () => BudgetKeysModel.collection;

/**
 * Keys are kept a document a year (`YYYY`, '' for lines with no date): on FerretDB each write
 * costs about as much as reading the whole collection, so an import of six years writes six, not 72.
 */
export const keyBucket = (date: string) => date.slice(0, 4);

/** The lines dedup compares with, from their entries: the key holds the date, the amount and the vendor. */
export function existingOf(entries: KeyEntries): ExistingLine[] {
  return Object.entries(entries).map(([id, [manual, sourceRef, key]]) => {
    const [date = '', amount = '0', ...vendor] = key.split('|');
    return {
      id,
      date,
      amountCents: Number(amount),
      vendor: vendor.join('|'),
      sourceRef,
      source: manual ? 'manual' : 'import',
      reconciled: false,
      invoiceNumber: '',
    };
  });
}

/** The entries of these years (`keyBucket`), each read by its `_id`. */
export async function readKeys(userId: string, years: Iterable<string>): Promise<KeyEntries> {
  const maps = await Promise.all([...new Set(years)].map((year) => readJsonMap<KeyEntry>(keys(), bookId(userId, year))));
  return Object.assign({}, ...maps) as KeyEntries;
}

/** Applies the changes (an entry, or null to drop it) year by year; a year never seen is inserted. */
export async function changeKeys(userId: string, changes: Map<string, Map<string, KeyEntry | null>>) {
  const owner = new Types.ObjectId(userId);
  await Promise.all(
    [...changes].map(([year, change]) => changeJsonMap(keys(), bookId(userId, year), { userId: owner, year }, change)),
  );
}

/** Replaces the user's keys with these (the rebuild): years without lines are dropped. */
export async function replaceKeys(userId: string, byYear: Map<string, KeyEntries>) {
  const owner = new Types.ObjectId(userId);
  await keys().deleteMany({ userId: owner, year: { $nin: [...byYear.keys()] } });
  for (const [year, entries] of byYear) {
    await keys().updateOne(
      { _id: bookId(userId, year) } as never,
      { $set: { userId: owner, year, entries: JSON.stringify(entries) }, $inc: { v: 1 } },
      { upsert: true },
    );
  }
}

/** Every stored entry of the user, by year (tests compare it with a rebuild). */
export async function allKeys(userId: string): Promise<Map<string, KeyEntries>> {
  const docs = await keys()
    .find({ userId: new Types.ObjectId(userId) })
    .toArray();
  return new Map(
    docs
      .map((doc) => doc as unknown as KeysDoc & { year: string })
      .map((doc) => [doc.year, JSON.parse(doc.entries) as KeyEntries] as const)
      .filter(([, entries]) => Object.keys(entries).length > 0),
  );
}

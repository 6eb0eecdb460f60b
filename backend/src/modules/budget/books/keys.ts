import { Types } from 'mongoose';
import { isDuplicateKey } from '../../../db/duplicate-key.ts';
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
  const docs = await Promise.all([...new Set(years)].map((year) => keys().findOne({ _id: bookId(userId, year) } as never)));
  return Object.assign({}, ...docs.map((doc) => (doc ? (JSON.parse((doc as unknown as KeysDoc).entries) as KeyEntries) : {})));
}

/**
 * Applies the changes (an entry, or null to drop it) year by year: read, change, write back
 * if no one wrote meanwhile (`v`), else again. A year never seen is inserted; a racing insert
 * of it wins and this one retries as an update.
 */
export async function changeKeys(userId: string, changes: Map<string, Map<string, KeyEntry | null>>) {
  await Promise.all(
    [...changes].map(async ([year, change]) => {
      const _id = bookId(userId, year);
      for (;;) {
        const doc = (await keys().findOne({ _id } as never)) as unknown as KeysDoc | null;
        const entries: KeyEntries = doc ? (JSON.parse(doc.entries) as KeyEntries) : {};
        for (const [id, entry] of change) {
          if (entry) entries[id] = entry;
          else delete entries[id];
        }
        const text = JSON.stringify(entries);
        if (!doc) {
          try {
            await keys().insertOne({ _id, userId: new Types.ObjectId(userId), year, v: 1, entries: text } as never);
            return;
          } catch (error) {
            if (!isDuplicateKey(error)) throw error;
            continue;
          }
        }
        const { modifiedCount } = await keys().updateOne({ _id, v: doc.v } as never, { $set: { entries: text, v: doc.v + 1 } });
        if (modifiedCount === 1) return;
      }
    }),
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

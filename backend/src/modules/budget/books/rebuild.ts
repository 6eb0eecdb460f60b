import { Types } from 'mongoose';
import type { JobDefinition } from '../../../jobs/runner.ts';
import { ONE_BATCH } from '../../../lib/filters.ts';
import { groupSums } from '../group-sums.ts';
import { BudgetLineModel } from '../lines/model.ts';
import { bookedFields, keyEntryOf } from './books.ts';
import type { BookedLine } from './books.ts';
import { keyBucket, replaceKeys } from './keys.ts';
import { BudgetSumsModel } from './model.ts';
import type { KeyEntries } from './keys.ts';
import { replaceRules } from './rules.ts';
import { encodeField, replaceSums, sumDimensions } from './sums.ts';
import type { MonthSums, SumDimension } from './sums.ts';

type Group = {
  month: string;
  vendor: string;
  team: string | null;
  category: string | null;
  project: unknown;
};

/**
 * The user's totals by aggregation over their lines: one $match and one $group with one $sum
 * per pipeline (see group-sums.ts), the shape MongoDB and FerretDB answer alike.
 */
export async function sumsByAggregation(userId: string): Promise<Map<string, MonthSums>> {
  const groups = await groupSums<Group, 'c' | 'v' | 'n'>(
    BudgetLineModel,
    { userId: new Types.ObjectId(userId) },
    { month: '$month', vendor: '$vendor', team: '$team', category: '$category', project: '$projectId' },
    { c: '$amountCents', v: '$vatCents', n: 1 },
  );
  const byMonth = new Map<string, MonthSums>();
  for (const { _id, c, v, n } of groups) {
    const month = _id.month ?? '';
    const sums = byMonth.get(month) ?? { total: { c: 0, v: 0, n: 0 }, vendor: {}, team: {}, category: {}, project: {} };
    const names: Record<SumDimension, string> = {
      vendor: _id.vendor,
      team: _id.team ?? '',
      category: _id.category ?? '',
      project: _id.project ? String(_id.project) : '',
    };
    for (const tally of [sums.total, ...sumDimensions.map((d) => (sums[d][encodeField(names[d])] ??= { c: 0, v: 0, n: 0 }))]) {
      tally.c += c;
      tally.v += v ?? 0;
      tally.n += n;
    }
    byMonth.set(month, sums);
  }
  return byMonth;
}

/** The user's dedup keys as their lines give them, by year (`keyBucket`). */
export async function keysOfLines(userId: string) {
  const lines = await BudgetLineModel.find({ userId }, bookedFields).batchSize(ONE_BATCH).lean<BookedLine[]>();
  const byYear = new Map<string, KeyEntries>();
  for (const line of lines) {
    const entries = byYear.get(keyBucket(line.date)) ?? {};
    entries[String(line._id)] = keyEntryOf(line);
    byYear.set(keyBucket(line.date), entries);
  }
  return { lines, byYear };
}

/**
 * Recomputes the user's books from their lines: after a restore, an import resumed after a crash,
 * and nightly for what a crash between a write and its books left behind. A write landing during
 * the rebuild may be missed until the next one.
 */
export async function rebuildBooks(userId: string) {
  const [{ lines, byYear }, sums] = await Promise.all([keysOfLines(userId), sumsByAggregation(userId)]);
  await Promise.all([replaceKeys(userId, byYear), replaceSums(userId, sums), replaceRules(userId, lines)]);
}

/** Every user's books, one user at a time. */
export async function rebuildAllBooks() {
  // Every owner's: one scan, in a job or once per database.
  const owners = (await BudgetLineModel.distinct('userId').setOptions({ tenancy: 'system' })) as Types.ObjectId[];
  for (const owner of owners) await rebuildBooks(String(owner));
}

/** Marks a database whose books were built: lines written before the books existed get theirs once. */
const BUILT = { _id: 'books-built' };

/**
 * At start and after a restore: builds every user's books once per database. A restore's lines
 * get theirs from the nightly rebuild (rebuilding at each start would race the writes of running instances).
 */
export async function buildBooksOnce() {
  const sums = BudgetSumsModel.collection;
  if (await sums.findOne(BUILT as never)) return;
  await rebuildAllBooks();
  await sums.updateOne(BUILT as never, { $set: { at: new Date() } }, { upsert: true });
}

export const booksJobs: JobDefinition[] = [
  { name: 'budget.rebuild-books', every: '1 day', skipImmediate: true, run: rebuildAllBooks },
];

import { Types } from 'mongoose';
import { isDuplicateKey } from '../../../db/duplicate-key.ts';
import { BudgetSumsModel, bookId } from './model.ts';

/** The dimensions a month's totals are kept by, and what a line is counted under in each. */
export const sumDimensions = ['vendor', 'team', 'category', 'project'] as const;
export type SumDimension = (typeof sumDimensions)[number];

export interface SummedLine {
  date: string;
  vendor: string;
  amountCents: number;
  vatCents?: number | null;
  team?: string | null;
  category?: string | null;
  projectId?: unknown;
}

export interface Tally {
  c: number;
  v: number;
  n: number;
}
export type MonthSums = { total: Tally } & Record<SumDimension, Record<string, Tally>>;

export const groupOf = (line: SummedLine): Record<SumDimension, string> => ({
  vendor: line.vendor,
  team: line.team ?? '',
  category: line.category ?? '',
  project: line.projectId ? String(line.projectId) : '',
});

/** Field names carry any text: `.` and `$` are escaped, and a prefix keeps '' a name. */
export const encodeField = (value: string) => `k${encodeURIComponent(value).replace(/\./g, '%2E')}`;
export const decodeField = (field: string) => decodeURIComponent(field.slice(1));

/** The `$inc` of each month for lines taken out (`sign` -1) and put in (+1). */
export function incrementsOf(changes: readonly { line: SummedLine; sign: 1 | -1 }[]) {
  const byMonth = new Map<string, Record<string, number>>();
  for (const { line, sign } of changes) {
    const month = line.date.slice(0, 7);
    const inc = byMonth.get(month) ?? {};
    const add = (path: string) => {
      inc[`${path}.c`] = (inc[`${path}.c`] ?? 0) + sign * line.amountCents;
      inc[`${path}.v`] = (inc[`${path}.v`] ?? 0) + sign * (line.vatCents ?? 0);
      inc[`${path}.n`] = (inc[`${path}.n`] ?? 0) + sign;
    };
    add('total');
    const group = groupOf(line);
    for (const dimension of sumDimensions) add(`${dimension}.${encodeField(group[dimension])}`);
    byMonth.set(month, inc);
  }
  for (const inc of byMonth.values()) for (const [path, value] of Object.entries(inc)) if (value === 0) delete inc[path];
  return byMonth;
}

/**
 * Adds the increments, one upsert per month in one unordered bulk. FerretDB does not retry two
 * upserts racing to create a month: the loser fails whole on the taken `_id`, and runs again.
 */
export async function addSums(userId: string, byMonth: Map<string, Record<string, number>>) {
  const owner = new Types.ObjectId(userId);
  let pending = [...byMonth].filter(([, inc]) => Object.keys(inc).length > 0);
  while (pending.length > 0) {
    const ops = pending.map(([month, inc]) => ({
      updateOne: {
        filter: { _id: bookId(userId, month) },
        update: { $inc: inc, $setOnInsert: { userId: owner, month } },
        upsert: true,
      },
    }));
    try {
      await BudgetSumsModel.collection.bulkWrite(ops as never, { ordered: false });
      return;
    } catch (error) {
      const failures = (error as { writeErrors?: { index: number; code?: number }[] }).writeErrors;
      if (!failures || !failures.every((f) => isDuplicateKey(f))) throw error;
      pending = failures.map((f) => pending[f.index]!);
    }
  }
}

/** The user's months, read whole (a few small documents per year). */
export async function readSums(userId: string): Promise<Map<string, MonthSums>> {
  const docs = await BudgetSumsModel.collection.find({ userId: new Types.ObjectId(userId) }).toArray();
  return new Map(docs.map((doc) => [String(doc.month), doc as unknown as MonthSums]));
}

/** Replaces the user's totals with these (the rebuild). */
export async function replaceSums(userId: string, byMonth: Map<string, MonthSums>) {
  const owner = new Types.ObjectId(userId);
  await BudgetSumsModel.collection.deleteMany({ userId: owner, month: { $nin: [...byMonth.keys()] } });
  for (const [month, sums] of byMonth) {
    await BudgetSumsModel.collection.replaceOne(
      { _id: bookId(userId, month) } as never,
      { userId: owner, month, ...sums },
      { upsert: true },
    );
  }
}

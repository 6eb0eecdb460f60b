import type { RouteQuery } from '@panoramix/contracts';
import type { routes } from '@panoramix/contracts';
import { Types } from 'mongoose';
import { escapeRegex } from '../../../lib/text.ts';
import { normalizeVendor } from '../dedup.ts';
import type { BudgetLineDoc } from './model.ts';

export type ListQuery = RouteQuery<typeof routes.budgetLines.list>;

/**
 * Keyset pages over a day or an amount, then _id. A cursor is `<value>_<id>` as every list's:
 * the day as the number yyyymmdd (0 for a line without a date) or the amount in cents.
 */
const sorts = {
  'date-desc': { field: 'date', dir: -1 },
  'date-asc': { field: 'date', dir: 1 },
  'amount-desc': { field: 'amountCents', dir: -1 },
  'amount-asc': { field: 'amountCents', dir: 1 },
} as const;

const dayNumber = (date: string) => (date ? Number(date.replaceAll('-', '')) : 0);
const dayOf = (value: number) => {
  if (value <= 0) return '';
  const text = String(Math.trunc(value)).padStart(8, '0');
  return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
};

export const sortOfList = (sort: ListQuery['sort']) => {
  const { field, dir } = sorts[sort];
  return { [field]: dir, _id: dir } as Record<string, 1 | -1>;
};

function afterCursor(sort: ListQuery['sort'], cursor: string | undefined) {
  if (cursor === undefined) return [];
  const { field, dir } = sorts[sort];
  const separator = cursor.lastIndexOf('_');
  const raw = Number(cursor.slice(0, separator));
  const id = new Types.ObjectId(cursor.slice(separator + 1));
  // Any cursor of the grammar is a position: a value that is not a number sorts past every row.
  const value = field === 'date' ? dayOf(Number.isFinite(raw) ? raw : 99_999_999) : Number.isFinite(raw) ? raw : 1e15;
  const op = dir === 1 ? '$gt' : '$lt';
  return [{ $or: [{ [field]: { [op]: value } }, { [field]: value, _id: { [op]: id } }] }];
}

export const cursorOf = (sort: ListQuery['sort'], row: BudgetLineDoc) =>
  `${sorts[sort].field === 'date' ? dayNumber(row.date) : row.amountCents}_${String(row._id)}`;

/** The filter of a list request; every clause beside the owner is optional. */
export function listFilter(userId: string, query: ListQuery): Record<string, unknown> {
  const and: Record<string, unknown>[] = [...afterCursor(query.sort, query.cursor)];
  if (query.q) {
    const text = new RegExp(escapeRegex(query.q), 'i');
    and.push({ $or: [{ vendor: text }, { label: text }, { notes: text }] });
  }
  const range = (from?: unknown, to?: unknown) => ({
    ...(from !== undefined ? { $gte: from } : {}),
    ...(to !== undefined ? { $lte: to } : {}),
  });
  return {
    userId,
    // A range leaves out lines without a readable date ('' sorts before every day).
    ...(query.from || query.to ? { date: { $gt: '', ...range(query.from, query.to) } } : {}),
    ...(query.minCents !== undefined || query.maxCents !== undefined
      ? { amountCents: range(query.minCents, query.maxCents) }
      : {}),
    ...(query.vendor ? { vendorKey: normalizeVendor(query.vendor) } : {}),
    ...(query.category ? { category: query.category } : {}),
    ...(query.team ? { team: query.team } : {}),
    ...(query.projectId ? { projectId: query.projectId } : {}),
    ...(query.importId ? { importId: query.importId } : {}),
    ...(and.length > 0 ? { $and: and } : {}),
  };
}

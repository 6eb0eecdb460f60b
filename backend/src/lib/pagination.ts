import { Types } from 'mongoose';

/**
 * Keyset pagination: rows are sorted by one field then `_id` (so the order is total and stable
 * under concurrent inserts), and the cursor carries the last row's pair as `<value>_<id>`: the
 * sort value (a number rank, a fractional-indexing order key, or a date in epoch milliseconds;
 * 0 when the sort is `_id`) and the row id.
 * Every string of that grammar (`cursorPattern`, which the contracts enforce) is a position in
 * any list, so the server accepts whatever the API document accepts.
 */
export interface SortKey {
  field: '_id' | 'rank' | 'updatedAt' | 'createdAt' | 'lastMessageAt';
  direction: 'asc' | 'desc';
}

export const byNewest: SortKey = { field: '_id', direction: 'desc' };
export const byOldest: SortKey = { field: '_id', direction: 'asc' };

type CursorValue = number | string | Date | Types.ObjectId;
interface Row {
  _id: Types.ObjectId;
  [field: string]: unknown;
}

/** The widest range a Date holds (ECMA-262); a cursor past it means "past every row". */
const MAX_DATE_MS = 8.64e15;

function decode(sort: SortKey, cursor: string): { value: CursorValue; id: Types.ObjectId } {
  const separator = cursor.lastIndexOf('_');
  const text = cursor.slice(0, separator);
  // An order key starts with a letter, a number never does.
  const key = /^[A-Za-z]/.test(text);
  const raw = key ? MAX_DATE_MS : Number(text);
  const id = new Types.ObjectId(cursor.slice(separator + 1));
  if (sort.field === '_id') return { value: id, id };
  if (sort.field === 'rank') return { value: key ? text : raw, id };
  return { value: new Date(Math.max(-MAX_DATE_MS, Math.min(MAX_DATE_MS, raw))), id };
}

function encode(sort: SortKey, row: Row): string {
  const value = sort.field === '_id' ? 0 : row[sort.field];
  const plain = value instanceof Date ? value.getTime() : typeof value === 'string' ? value : Number(value);
  return `${plain}_${String(row._id)}`;
}

/** The `sort` argument for the query. */
export const sortOf = (sort: SortKey): Record<string, 1 | -1> => {
  const dir = sort.direction === 'asc' ? 1 : -1;
  return sort.field === '_id' ? { _id: dir } : { [sort.field]: dir, _id: dir };
};

/** Filter clauses selecting the rows after `cursor`; merge them into the query's filter. */
export function after(sort: SortKey, cursor: string | undefined): Record<string, unknown> {
  if (cursor === undefined) return {};
  const { value, id } = decode(sort, cursor);
  const op = sort.direction === 'asc' ? '$gt' : '$lt';
  if (sort.field === '_id') return { _id: { [op]: id } };
  return { $and: [{ $or: [{ [sort.field]: { [op]: value } }, { [sort.field]: value, _id: { [op]: id } }] }] };
}

/**
 * `after` for rows read elsewhere than a query, sorted by a date field: the cursor's date (none
 * without a cursor), and whether a row comes after the cursor.
 */
export function positionAfter(sort: SortKey & { field: 'createdAt' | 'updatedAt' }, cursor: string | undefined) {
  if (cursor === undefined) return { at: undefined, isAfter: () => true };
  const { value, id } = decode(sort, cursor);
  const [at, sign] = [value as Date, sort.direction === 'asc' ? 1 : -1];
  const isAfter = (row: Row) => {
    const gap = ((row[sort.field] as Date).getTime() - at.getTime()) * sign;
    return gap > 0 || (gap === 0 && String(row._id).localeCompare(String(id)) * sign > 0);
  };
  return { at, isAfter };
}

/** Takes `limit + 1` rows (fetched by the caller) and turns them into a page. */
export function toPage<R extends Row, Item>(rows: R[], limit: number, sort: SortKey, map: (row: R) => Item) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items: items.map(map), nextCursor: rows.length > limit && last ? encode(sort, last) : null };
}

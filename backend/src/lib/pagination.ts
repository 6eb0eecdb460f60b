import { Types } from 'mongoose';
import { badRequest } from '../http/problem.ts';

/**
 * Keyset pagination: rows are sorted by one field then `_id` (so the order is total and stable
 * under concurrent inserts), and the cursor carries the last row's pair. Cursors are opaque
 * to clients: base64url JSON.
 */
export interface SortKey {
  field: '_id' | 'rank' | 'updatedAt' | 'createdAt' | 'lastMessageAt';
  direction: 'asc' | 'desc';
}

export const byNewest: SortKey = { field: '_id', direction: 'desc' };
export const byOldest: SortKey = { field: '_id', direction: 'asc' };

type CursorValue = number | Date | Types.ObjectId;
interface Row {
  _id: Types.ObjectId;
  [field: string]: unknown;
}

const invalidCursor = () =>
  badRequest('query.cursor: is not a cursor from this list', [
    { path: 'query.cursor', message: 'is not a cursor from this list' },
  ]);

function decode(sort: SortKey, cursor: string): { value: CursorValue; id: Types.ObjectId } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw invalidCursor();
  const [raw, id] = parsed as [unknown, unknown];
  if (typeof id !== 'string' || !/^[a-f\d]{24}$/.test(id)) throw invalidCursor();
  const objectId = new Types.ObjectId(id);
  if (sort.field === '_id') return { value: objectId, id: objectId };
  if (sort.field === 'rank' && typeof raw === 'number' && Number.isFinite(raw)) return { value: raw, id: objectId };
  if (sort.field !== 'rank' && typeof raw === 'string' && !Number.isNaN(Date.parse(raw)))
    return { value: new Date(raw), id: objectId };
  throw invalidCursor();
}

function encode(sort: SortKey, row: Row): string {
  const value = sort.field === '_id' ? null : row[sort.field];
  const plain = value instanceof Date ? value.toISOString() : value;
  return Buffer.from(JSON.stringify([plain, String(row._id)]), 'utf8').toString('base64url');
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

/** Takes `limit + 1` rows (fetched by the caller) and turns them into a page. */
export function toPage<R extends Row, Item>(rows: R[], limit: number, sort: SortKey, map: (row: R) => Item) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items: items.map(map), nextCursor: rows.length > limit && last ? encode(sort, last) : null };
}

import { Types } from 'mongoose';
import { badRequest } from '../http/problem.ts';

/**
 * Cursor pagination over `_id`, the deterministic order every list uses unless it says otherwise.
 * The cursor is opaque to clients: the base64url of the last id they saw.
 */
export function decodeCursor(cursor: string | undefined): Types.ObjectId | undefined {
  if (cursor === undefined) return undefined;
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!Types.ObjectId.isValid(id) || id.length !== 24) {
    throw badRequest('query.cursor: is not a cursor from this list', [
      { path: 'query.cursor', message: 'is not a cursor from this list' },
    ]);
  }
  return new Types.ObjectId(id);
}

const encodeCursor = (id: Types.ObjectId) => Buffer.from(String(id), 'utf8').toString('base64url');

/** `_id` bound for the next page in the given direction. */
export function afterCursor(cursor: string | undefined, direction: 'asc' | 'desc') {
  const id = decodeCursor(cursor);
  return id ? { _id: direction === 'desc' ? { $lt: id } : { $gt: id } } : {};
}

/** Takes `limit + 1` rows (fetched by the caller) and turns them into a page. */
export function toPage<Row extends { _id: Types.ObjectId }, Item>(rows: Row[], limit: number, map: (row: Row) => Item) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items: items.map(map), nextCursor: rows.length > limit && last ? encodeCursor(last._id) : null };
}

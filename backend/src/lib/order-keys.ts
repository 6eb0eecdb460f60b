import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import { Schema } from 'mongoose';
import type { Model, Types } from 'mongoose';

/**
 * Manual order by order keys (fractional indexing, the same package as the web client): a key
 * between any two always exists, so a move writes one rank however often items went into one gap.
 */

/**
 * The library gives one key to two writes that read the same neighbour at once (two tasks added
 * together), and equal ranks leave no key between them to move to. The new item's id, appended as
 * a fraction (hex digits are order-key digits; the final 1 because a key may not end in 0), makes
 * the key its own and orders simultaneous items by creation: `newerFirst` complements the digits.
 * The key stays below the next one: the key it extends is never a prefix of its neighbour (see keyBefore).
 */
function ownKey(key: string, id: Types.ObjectId, newerFirst: boolean) {
  const hex = id.toHexString();
  const digits = newerFirst ? [...hex].map((digit) => (15 - parseInt(digit, 16)).toString(16)).join('') : hex;
  return `${key}${digits}1`;
}

/**
 * A key before `first` (none: the list is empty) for the new item `id`. Before a key with a fraction
 * the library answers that key's integer part, a prefix of it: our digits after the prefix could sort
 * above `first` (a Panorama rank imported as 'a0' + a lower id). The key before that prefix shares
 * no prefix with `first`, so any digits after it stay below.
 */
export function keyBefore(first: string | null | undefined, id: Types.ObjectId) {
  const key = generateKeyBetween(null, first ?? null);
  return ownKey(first?.startsWith(key) ? generateKeyBetween(null, key) : key, id, true);
}
/** A key after `last` (none: the list is empty) for the new item `id`. */
export const keyAfter = (last: string | null | undefined, id: Types.ObjectId) =>
  ownKey(generateKeyBetween(last ?? null, null), id, false);

const system = { tenancy: 'system' } as const;

/**
 * Turns number ranks (documents written before ranks were order keys, or imported from an archive
 * of that time) into order keys, keeping the order: MongoDB sorts every number before every
 * string, so the numbers, in their order, get keys below the lowest key there is. Each write is
 * conditional on the number still being there, so two instances running it at once never undo a move.
 */
// Any model with a `rank` field: only ranks are read and written.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function migrateRanks(model: Model<any>): Promise<number> {
  const numeric = await model
    .find({ rank: { $type: 'number' } }, { rank: 1 })
    .sort({ rank: 1, _id: 1 })
    .setOptions(system)
    .lean<{ _id: unknown; rank: number }[]>();
  if (numeric.length === 0) return 0;
  const lowest = await model
    .findOne({ rank: { $type: 'string' } }, { rank: 1 })
    .sort({ rank: 1 })
    .setOptions(system)
    .lean<{ rank: string }>();
  const keys = generateNKeysBetween(null, lowest?.rank ?? null, numeric.length);
  await model.bulkWrite(
    numeric.map((doc, i) => ({
      updateOne: { filter: { _id: doc._id, rank: doc.rank }, update: { $set: { rank: keys[i] } }, timestamps: false },
    })),
    { ordered: false },
  );
  return numeric.length;
}

/**
 * The schema of a `rank`: Mixed, not String, because older documents and archives hold numbers,
 * which Mongoose must not turn into strings that sort wrong before `migrateRanks` converts them.
 */
export const rankField = { type: Schema.Types.Mixed, required: true } as const;

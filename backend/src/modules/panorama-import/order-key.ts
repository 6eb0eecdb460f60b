import type { Types } from 'mongoose';

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * An order key (fractional-indexing's format, as `lib/order-keys.ts` writes) for Panorama's number
 * ranks, the same on every run: the integer part in base 62 behind its length letter ('a' = one
 * digit, 'b' = two…), so keys sort as the numbers do; then the document's id as a fraction, as
 * our own keys end, so equal ranks still get keys of their own, ordered by id.
 */
export function orderKey(rank: number, id: Types.ObjectId): string {
  let n = Math.max(0, Math.round(Number.isFinite(rank) ? rank : 0));
  let digits = '';
  do {
    digits = DIGITS[n % 62] + digits;
    n = Math.floor(n / 62);
  } while (n > 0);
  return `${String.fromCharCode(96 + digits.length)}${digits}${id.toHexString()}1`;
}

import { generateKeyBetween } from 'fractional-indexing';
import type { Between } from './rank.ts';

/**
 * Order keys (fractional indexing, as the server stores task ranks): a key between any two
 * exists, however many moves went into the same gap; each such move adds about a character.
 */
export const keyBetween: Between<string> = (before, after) => generateKeyBetween(before ?? null, after ?? null);

import { generateKeyBetween } from 'fractional-indexing';

/**
 * Manual order by order keys (fractional indexing, as the server stores ranks): moving an item
 * writes one rank, between its new neighbours, instead of renumbering the list (one PATCH, and
 * concurrent moves elsewhere in the list do not conflict). A key between any two always exists,
 * however many moves went into the same gap; each such move adds about a character.
 */
export const rankBetween = (before: string | undefined, after: string | undefined) =>
  generateKeyBetween(before ?? null, after ?? null);

/**
 * The rank that puts `items[from]` at index `to` of the list once it has moved. Two members moving
 * items into one gap at once can store equal ranks, with no key between them: the item then goes
 * after the tie, before the next greater rank.
 */
export function rankForMove(items: readonly { rank: string }[], from: number, to: number): string {
  const others = items.filter((_, index) => index !== from);
  const before = others[to - 1]?.rank;
  const after = others.slice(to).find((item) => before === undefined || item.rank > before)?.rank;
  return rankBetween(before, after);
}

/**
 * Manual order by fractional ranks: moving an item writes one rank, between its new neighbours,
 * instead of renumbering the list (one PATCH, and concurrent moves elsewhere in the list do not
 * conflict). Number ranks (projects, note lines) halve the gap each time: about 40 moves into the
 * very same gap before two ranks collide, and equal ranks then sort by creation. Tasks use order
 * keys (order-key.ts), which never run out.
 */
export type Between<R> = (before: R | undefined, after: R | undefined) => R;

export const rankBetween: Between<number> = (before, after) => {
  if (before === undefined) return after === undefined ? 0 : after - 1;
  if (after === undefined) return before + 1;
  return before + (after - before) / 2;
};

/** The rank that puts `items[from]` at index `to` of the list once it has moved. */
export function rankForMove<R>(items: readonly { rank: R }[], from: number, to: number, between: Between<R>): R {
  const others = items.filter((_, index) => index !== from);
  return between(others[to - 1]?.rank, others[to]?.rank);
}

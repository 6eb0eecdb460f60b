/**
 * Manual order by fractional ranks: moving an item writes one rank, between its new neighbours,
 * instead of renumbering the list (one PATCH, and concurrent moves elsewhere in the list do not
 * conflict). Doubles halve the gap each time: about 40 moves into the very same gap before two
 * ranks collide, far beyond manual use; equal ranks still sort stably by creation.
 */
export function rankBetween(before: number | undefined, after: number | undefined): number {
  if (before === undefined) return after === undefined ? 0 : after - 1;
  if (after === undefined) return before + 1;
  return before + (after - before) / 2;
}

/** The rank that puts `items[from]` at index `to` of the list once it has moved. */
export function rankForMove(items: readonly { rank: number }[], from: number, to: number): number {
  const others = items.filter((_, index) => index !== from);
  return rankBetween(others[to - 1]?.rank, others[to]?.rank);
}

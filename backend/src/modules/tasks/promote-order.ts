import { generateNKeysBetween } from 'fractional-indexing';

export interface Rankable {
  id: string;
  status: string;
  deadline?: Date | null | undefined;
  rank: string;
  createdAt: Date;
}

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Panorama's "promote to top": the promoted task takes rank 0, then every open task of the list is
 * sorted by deadline (earliest first, none last), in progress before the rest, rank, creation.
 * So a promoted task comes first among the tasks of its deadline and status, not above a task due sooner.
 */
export function promotedOrder<T extends Rankable>(open: readonly T[], promotedId: string): T[] {
  const deadline = (task: T) => task.deadline?.getTime() ?? Number.POSITIVE_INFINITY;
  return [...open].sort(
    (a, b) =>
      deadline(a) - deadline(b) ||
      Number(b.status === 'in_progress') - Number(a.status === 'in_progress') ||
      Number(b.id === promotedId) - Number(a.id === promotedId) ||
      byKey(a.rank, b.rank) ||
      a.createdAt.getTime() - b.createdAt.getTime(),
  );
}

/**
 * New ranks that put `ordered` in that order, changing as few as possible: Panorama rewrote ranks
 * 0..n-1 of every open task; order keys let the longest run already in order keep theirs, so a
 * second promote writes one task, not the whole list (on FerretDB each write scans the collection).
 * `taken`: every rank of the list, closed tasks' too: new keys go below the next one of them, so that
 * none equals a rank there is (equal keys leave no room to move a task between them).
 * Returns the tasks whose rank changes, with their new rank.
 */
export function reRank<T extends Rankable>(ordered: readonly T[], taken: readonly string[]): { task: T; rank: string }[] {
  const sorted = [...taken].sort(byKey);
  const nextAbove = (key: string | null) => sorted.find((rank) => key === null || rank > key) ?? null;
  const kept = longestIncreasingRun(ordered.map((task) => task.rank));
  const changes: { task: T; rank: string }[] = [];
  let start = 0;
  for (let i = 0; i <= ordered.length; i++) {
    if (i < ordered.length && !kept.has(i)) continue;
    // ordered[start..i) lie between the kept neighbours start-1 and i: evenly spaced keys between theirs.
    if (i > start) {
      const before = start > 0 ? ordered[start - 1]!.rank : null;
      const after = nextAbove(before); // at most the kept neighbour's rank, which is taken
      const keys = generateNKeysBetween(before, after, i - start);
      for (let j = start; j < i; j++) changes.push({ task: ordered[j]!, rank: keys[j - start]! });
    }
    start = i + 1;
  }
  return changes;
}

/** The indexes of one longest strictly increasing subsequence of `keys` (patience sorting, O(n log n)). */
function longestIncreasingRun(keys: readonly string[]): Set<number> {
  const tails: number[] = []; // tails[k]: index of the smallest last key of a run of length k+1
  const previous: number[] = new Array<number>(keys.length).fill(-1);
  keys.forEach((key, i) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (keys[tails[mid]!]! < key) low = mid + 1;
      else high = mid;
    }
    if (low > 0) previous[i] = tails[low - 1]!;
    tails[low] = i;
  });
  const run = new Set<number>();
  for (let i = tails.at(-1) ?? -1; i >= 0; i = previous[i]!) run.add(i);
  return run;
}

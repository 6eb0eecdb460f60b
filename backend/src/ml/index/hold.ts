/**
 * Bulk writers (a budget import of thousands of lines) hold the search worker off while they write:
 * on FerretDB a batch of a large backlog reads the whole queue several times, and an import writing
 * beside it took twice as long. The worker waits before its next batch and between a batch's
 * steps; a batch already reading finishes its read. In this process only: another instance's
 * worker runs on, as it would on any busy database.
 */
let holders = 0;
let released: Promise<void> = Promise.resolve();
let release: () => void = () => undefined;

/** Past this, the worker runs anyway: a stuck writer must not stop indexing. */
const LONGEST_HOLD_MS = 60_000;

export async function holdingIndexer<T>(work: () => Promise<T>): Promise<T> {
  if (holders++ === 0) released = new Promise((resolve) => (release = resolve));
  try {
    return await work();
  } finally {
    if (--holders === 0) release();
  }
}

/** Resolves once no writer holds the worker off (at once when none does), or after LONGEST_HOLD_MS. */
export function indexerFree(): Promise<void> {
  if (holders === 0) return Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const longest = new Promise<void>((resolve) => (timer = setTimeout(resolve, LONGEST_HOLD_MS)));
  return Promise.race([released, longest]).finally(() => clearTimeout(timer));
}

/**
 * The reads a first start paints from before the replica holds anything (Accueil's overview from the
 * server): the replica's snapshots wait for them, at most FIRST_PAINT_WAIT_MS. The server reads the
 * same collections for both, and sent beside five snapshots the overview a phone waits for took
 * 1.9 s instead of 0.45 s (1,000 tasks on FerretDB, bench/src/lighthouse.bench.ts).
 */
const FIRST_PAINT_WAIT_MS = 3_000;

const reads = new Set<Promise<unknown>>();

/** Makes the replica's snapshots wait for `read` (its failure too): it is what the screen shows first. */
export function snapshotsWaitFor(read: Promise<unknown>): void {
  const settled = read.then(
    () => undefined,
    () => undefined,
  );
  reads.add(settled);
  void settled.then(() => reads.delete(settled));
}

/** Resolves once the first paint's reads have settled, or after FIRST_PAINT_WAIT_MS. */
export function firstPaintSettled(): Promise<void> {
  if (reads.size === 0) return Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const giveUp = new Promise<void>((resolve) => (timer = setTimeout(resolve, FIRST_PAINT_WAIT_MS)));
  return Promise.race([Promise.all(reads).then(() => undefined), giveUp]).finally(() => clearTimeout(timer));
}

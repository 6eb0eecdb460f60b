/**
 * The reads a first start paints from before the replica holds anything (Accueil's overview from the
 * server). On such a start the live connection and the replica's snapshots wait for them, at most
 * FIRST_PAINT_WAIT_MS, and for a frame to show them:
 * - the server reads the same collections for both, and sent beside five snapshots the overview a
 *   phone waits for took 1.9 s instead of 0.45 s (1,000 tasks on FerretDB);
 * - the connection's handshake and catch-up took some 45 ms of main thread here, four times that on
 *   Lighthouse's phone, before the overview's render (bench/src/lighthouse.bench.ts).
 */
const FIRST_PAINT_WAIT_MS = 3_000;

const reads = new Set<Promise<unknown>>();

/** Makes the replica's snapshots and the live connection wait for `read` (its failure too): it is what the screen shows first. */
export function snapshotsWaitFor(read: Promise<unknown>): void {
  const settled = read.then(
    () => undefined,
    () => undefined,
  );
  reads.add(settled);
  void settled.then(() => reads.delete(settled));
}

/** Resolves once the first paint's reads have settled (or after FIRST_PAINT_WAIT_MS) and a frame has shown them. */
export async function firstPaintSettled(): Promise<void> {
  if (reads.size === 0) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const giveUp = new Promise<void>((resolve) => (timer = setTimeout(resolve, FIRST_PAINT_WAIT_MS)));
  await Promise.race([Promise.all(reads), giveUp]).finally(() => clearTimeout(timer));
  await nextFrame();
}

/** After the next frame, or FRAME_WAIT_MS in a hidden tab, where frames do not come. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, FRAME_WAIT_MS);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }),
    );
  });
}

const FRAME_WAIT_MS = 200;

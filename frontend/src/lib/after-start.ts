/** How long after the shell mounts the start is taken to be over: Accueil's data and first render. */
const START_MS = 3_000;

/**
 * Runs `work` when the browser is idle once the start is over: for code the first screen does not
 * show but a later gesture needs (the palette's chunk, which Ctrl+K still loads at once if pressed
 * sooner). Fetched and run during the start, it competed with Accueil's first render: a 36 ms task
 * on this machine, four times that on Lighthouse's phone (bench/src/lighthouse.bench.ts). Returns a cancel.
 */
export function afterStart(work: () => void): () => void {
  let cancelIdle = () => undefined as void;
  const timer = setTimeout(() => {
    if (!('requestIdleCallback' in window)) return work(); // Safari: no idle callbacks
    const idle = requestIdleCallback(work, { timeout: START_MS });
    cancelIdle = () => cancelIdleCallback(idle);
  }, START_MS);
  return () => {
    clearTimeout(timer);
    cancelIdle();
  };
}

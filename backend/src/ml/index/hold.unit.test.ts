import { afterEach, describe, expect, it, vi } from 'vitest';
import { holdingIndexer, indexerFree } from './hold.ts';

/** A writer that runs until `finish` is called. */
function writer() {
  let finish: (fail?: Error) => void = () => undefined;
  const done = holdingIndexer(
    () => new Promise<void>((resolve, reject) => (finish = (fail) => (fail ? reject(fail) : resolve()))),
  ).catch(() => undefined);
  return { finish: (fail?: Error) => finish(fail), done };
}

afterEach(() => vi.useRealTimers());

describe('holding the search worker off', () => {
  it('lets the worker run at once when no writer holds it', async () => {
    await expect(indexerFree()).resolves.toBeUndefined();
  });

  it('keeps the worker waiting until the last writer ends, even one that failed', async () => {
    const [first, second] = [writer(), writer()];
    let free = false;
    const waiting = indexerFree().then(() => (free = true));
    first.finish(new Error('import failed'));
    await first.done;
    await Promise.resolve();
    expect(free).toBe(false);
    second.finish();
    await second.done;
    await waiting;
    expect(free).toBe(true);
    await expect(indexerFree()).resolves.toBeUndefined();
  });

  it('lets the worker go after a minute whatever a stuck writer does', async () => {
    vi.useFakeTimers();
    const stuck = writer();
    let free = false;
    const waiting = indexerFree().then(() => (free = true));
    await vi.advanceTimersByTimeAsync(59_000);
    expect(free).toBe(false);
    await vi.advanceTimersByTimeAsync(1_000);
    await waiting;
    expect(free).toBe(true);
    stuck.finish();
    await stuck.done;
  });
});

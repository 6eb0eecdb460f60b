import { afterEach, describe, expect, it, vi } from 'vitest';
import { firstPaintSettled, snapshotsWaitFor } from './first-paint.ts';

afterEach(() => vi.useRealTimers());

/** Whether `promise` has settled once `ms` of fake time (and the microtasks) have run. */
async function settledWithin(promise: Promise<unknown>, ms: number) {
  let settled = false;
  void promise.then(() => (settled = true));
  await vi.advanceTimersByTimeAsync(ms);
  return settled;
}

/** A frame: requestAnimationFrame, then the task after it (or the hidden tab's fallback). */
const FRAME_MS = 250;

describe('the live connection, the replica snapshots and the first paint', () => {
  it('go at once when no first-paint read is under way', async () => {
    vi.useFakeTimers();
    expect(await settledWithin(firstPaintSettled(), 0)).toBe(true);
  });

  it('wait for the first-paint read and a frame to show it, and go when it fails too', async () => {
    vi.useFakeTimers();
    let fail!: (error: Error) => void;
    snapshotsWaitFor(new Promise((_resolve, reject) => (fail = reject)));
    const waiting = firstPaintSettled();
    expect(await settledWithin(waiting, 1_000)).toBe(false);
    fail(new Error('offline'));
    expect(await settledWithin(waiting, 0)).toBe(false); // the frame that shows it first
    expect(await settledWithin(waiting, FRAME_MS)).toBe(true);
    expect(await settledWithin(firstPaintSettled(), 0)).toBe(true); // the read is forgotten once settled
  });

  it('wait no longer than three seconds for a read that hangs', async () => {
    vi.useFakeTimers();
    snapshotsWaitFor(new Promise(() => undefined));
    const waiting = firstPaintSettled();
    expect(await settledWithin(waiting, 2_900)).toBe(false);
    expect(await settledWithin(waiting, 100 + FRAME_MS)).toBe(true);
  });
});

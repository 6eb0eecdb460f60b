import { afterEach, describe, expect, it, vi } from 'vitest';
import { firstPaintSettled, snapshotsWaitFor } from './first-paint.ts';

afterEach(() => vi.useRealTimers());

/** Whether `promise` has settled once the microtasks queued so far have run. */
async function isSettled(promise: Promise<unknown>) {
  let settled = false;
  void promise.then(() => (settled = true));
  await vi.advanceTimersByTimeAsync(0);
  return settled;
}

describe('the replica snapshots and the first paint', () => {
  it('go at once when no first-paint read is under way', async () => {
    vi.useFakeTimers();
    expect(await isSettled(firstPaintSettled())).toBe(true);
  });

  it('wait for the first-paint read, and go when it fails too', async () => {
    vi.useFakeTimers();
    let fail!: (error: Error) => void;
    snapshotsWaitFor(new Promise((_resolve, reject) => (fail = reject)));
    const waiting = firstPaintSettled();
    expect(await isSettled(waiting)).toBe(false);
    fail(new Error('offline'));
    expect(await isSettled(waiting)).toBe(true);
    expect(await isSettled(firstPaintSettled())).toBe(true); // the read is forgotten once settled
  });

  it('wait no longer than three seconds for a read that hangs', async () => {
    vi.useFakeTimers();
    snapshotsWaitFor(new Promise(() => undefined));
    const waiting = firstPaintSettled();
    await vi.advanceTimersByTimeAsync(2_900);
    expect(await isSettled(waiting)).toBe(false);
    await vi.advanceTimersByTimeAsync(100);
    expect(await isSettled(waiting)).toBe(true);
  });
});

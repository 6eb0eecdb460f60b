import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterStart } from './after-start.ts';

afterEach(() => vi.useRealTimers());

describe('afterStart', () => {
  it('runs the work once the start is over and the browser is idle, not before', () => {
    vi.useFakeTimers();
    const work = vi.fn();
    afterStart(work);
    vi.advanceTimersByTime(2_999);
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(3_001); // the start, then the idle callback (at the latest its timeout)
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('never runs the work once cancelled', () => {
    vi.useFakeTimers();
    const work = vi.fn();
    afterStart(work)();
    vi.advanceTimersByTime(10_000);
    expect(work).not.toHaveBeenCalled();
  });
});

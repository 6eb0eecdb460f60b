import { renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTOSAVE_DELAY_MS, useAutosave } from './use-autosave.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const setup = (initial: { draft: string; dirty: boolean; paused?: boolean }) => {
  const save = vi.fn();
  const view = renderHook(
    (props: { draft: string; dirty: boolean; paused?: boolean }) =>
      useAutosave({ ...props, paused: props.paused ?? false, save }),
    {
      initialProps: initial,
    },
  );
  return { save, ...view };
};

describe('useAutosave', () => {
  it('saves once typing pauses, not on every keystroke', () => {
    const { save, rerender } = setup({ draft: 'a', dirty: true });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS - 100);
    rerender({ draft: 'ab', dirty: true });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS - 100);
    expect(save).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('waits while a save runs or failed, and saves nothing when there is nothing to save', () => {
    const { save, rerender } = setup({ draft: 'a', dirty: true, paused: true });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS * 3);
    rerender({ draft: 'a', dirty: false });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS * 3);
    expect(save).not.toHaveBeenCalled();
  });

  it('saves at once when the editor goes away with a draft, and asks before the page closes', () => {
    const { save, unmount } = setup({ draft: 'a', dirty: true });
    const closing = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(closing);
    expect(closing.defaultPrevented).toBe(true);
    unmount();
    expect(save).toHaveBeenCalledTimes(1);
    const closingAfter = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(closingAfter);
    expect(closingAfter.defaultPrevented).toBe(false);
  });
});

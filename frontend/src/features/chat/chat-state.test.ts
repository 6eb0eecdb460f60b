import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startTyping, stopTyping, typingStore } from './chat-state.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('typing indicators', () => {
  it('expire by themselves after the time the server gave, unless refreshed', () => {
    startTyping('room', 'bruno', 5000);
    vi.advanceTimersByTime(4000);
    startTyping('room', 'bruno', 5000); // a refresh restarts the clock
    vi.advanceTimersByTime(4000);
    expect(Object.keys(typingStore.get().room ?? {})).toEqual(['bruno']);
    vi.advanceTimersByTime(1000);
    expect(typingStore.get().room).toEqual({});
  });

  it('stop at once on typing:stop, other typists staying', () => {
    startTyping('room', 'bruno', 5000);
    startTyping('room', 'chloe', 5000);
    stopTyping('room', 'bruno');
    expect(Object.keys(typingStore.get().room ?? {})).toEqual(['chloe']);
  });
});

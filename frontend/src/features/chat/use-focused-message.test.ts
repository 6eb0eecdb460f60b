import type { Message } from '@panoramix/contracts';
import { renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { navigate } from '../../lib/location.ts';
import { aMessage } from './chat-builders.ts';
import { useFocusedMessage } from './use-focused-message.ts';

/** A history element holding these messages, as MessageList renders them. */
function historyOf(messages: Message[]) {
  const list = document.createElement('ol');
  for (const message of messages) {
    const item = document.createElement('li');
    item.dataset.messageId = message.id;
    item.scrollIntoView = vi.fn();
    list.append(item);
  }
  return list;
}

afterEach(() => navigate('/'));

describe('useFocusedMessage', () => {
  it('loads older pages until the linked message is there, then scrolls it into view once', () => {
    const [old, recent] = [aMessage(), aMessage()];
    navigate(`/chat/${old.roomId}?message=${old.id}`);
    const fetchNextPage = vi.fn();
    const list = { current: historyOf([old, recent]) };
    const { rerender } = renderHook(
      (messages: Message[]) => useFocusedMessage(list, messages, { hasNextPage: true, isFetchingNextPage: false, fetchNextPage }),
      {
        initialProps: [recent],
      },
    );
    expect(fetchNextPage).toHaveBeenCalledTimes(1);
    rerender([old, recent]);
    const item = list.current.querySelector(`[data-message-id="${old.id}"]`) as HTMLElement;
    expect(item.scrollIntoView).toHaveBeenCalledWith({ block: 'center' });
    rerender([aMessage(), old, recent]);
    expect(item.scrollIntoView).toHaveBeenCalledTimes(1);
  });

  it('does nothing without a linked message', () => {
    navigate('/chat/room');
    const fetchNextPage = vi.fn();
    renderHook(() =>
      useFocusedMessage({ current: historyOf([]) }, [], { hasNextPage: true, isFetchingNextPage: false, fetchNextPage }),
    );
    expect(fetchNextPage).not.toHaveBeenCalled();
  });
});

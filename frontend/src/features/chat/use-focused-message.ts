import type { Message } from '@panoramix/contracts';
import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';
import { useLocation } from '../../lib/location.ts';

interface OlderPages {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

/**
 * The message a link points at (`/chat/<roomId>?message=<id>`, the target of a search hit):
 * older pages load until it is in the history, then it is scrolled into view, once.
 */
export function useFocusedMessage(list: RefObject<HTMLElement | null>, messages: readonly Message[], older: OlderPages) {
  const wanted = new URLSearchParams(useLocation().search).get('message');
  const shown = useRef<string | null>(null);
  const present = wanted !== null && messages.some((message) => message.id === wanted);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = older;
  useEffect(() => {
    if (!wanted || shown.current === wanted) return;
    if (!present) {
      if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
      return;
    }
    shown.current = wanted;
    // Safe in a selector: it equals the id of a listed message, 24 hex digits.
    list.current?.querySelector(`[data-message-id="${wanted}"]`)?.scrollIntoView({ block: 'center' });
  }, [list, wanted, present, hasNextPage, isFetchingNextPage, fetchNextPage]);
}

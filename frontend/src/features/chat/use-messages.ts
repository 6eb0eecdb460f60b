import type { Message } from '@panoramix/contracts';
import { useMemo } from 'react';
import { routes } from 'virtual:panoramix/contracts';
import { call } from '../../api/client.ts';
import { usePagedList } from '../../api/paged-list.ts';
import { useStore } from '../../lib/store.ts';
import { chatKeys } from './chat-cache.ts';
import { pendingStore } from './chat-state.ts';
import type { PendingMessage } from './chat-state.ts';

const PAGE_SIZE = 50;

/**
 * A room's history, older pages fetched as the user scrolls up (the cursor goes back in time):
 * `fetchNextPage` is the paged list's "more", so it never races a resync (see api/paged-list.ts).
 */
export function useMessages(roomId: string) {
  const { query, items, more } = usePagedList(chatKeys.messages(roomId), (cursor, signal) =>
    call(routes.messages.list, { params: { id: roomId }, query: { limit: PAGE_SIZE, cursor }, signal }),
  );
  const pending = useStore(pendingStore);
  const messages = useMemo(() => [...(items ?? [])].reverse(), [items]);
  return {
    ...query,
    hasNextPage: more.available,
    isFetchingNextPage: more.loading,
    fetchNextPage: more.load,
    messages,
    pending: usePendingOf(roomId, messages, pending),
  };
}

/** Optimistic copies the server has not confirmed yet; once the message with their clientId is here, they go. */
export function pendingOf(
  roomId: string,
  messages: readonly Message[],
  pending: Record<string, PendingMessage>,
): PendingMessage[] {
  const sent = new Set(messages.map((m) => m.clientId));
  return Object.values(pending).filter((p) => p.roomId === roomId && !sent.has(p.clientId));
}

function usePendingOf(roomId: string, messages: readonly Message[], pending: Record<string, PendingMessage>) {
  return useMemo(() => pendingOf(roomId, messages, pending), [roomId, messages, pending]);
}

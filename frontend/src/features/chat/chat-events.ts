import type { Message, Presence, RoomView } from '@panoramix/contracts';
import { QueryObserver } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import type { EventAppliers } from '../../api/event-appliers.ts';
import { emitLive } from '../../api/live.ts';
import { queryClient } from '../../api/query-client.ts';
import { chatBadge } from './chat-badge.ts';
import { chatKeys, dropRoom, editRoom, putMessage, putRoom, roomsQuery } from './chat-cache.ts';
import { currentUserId, dropPending, isWatching, startTyping, stopTyping } from './chat-state.ts';
import { notifyMessage } from './notify.ts';

/** Someone else's message: one more unread unless I am reading that room right now (the read follows). */
export function receiveMessage(client: QueryClient, message: Message): void {
  putMessage(client, message);
  dropPending(message.clientId);
  stopTyping(message.roomId, message.userId);
  if (message.userId === currentUserId() || isWatching(message.roomId)) return;
  editRoom(client, message.roomId, (room) => ({ ...room, unreadCount: room.unreadCount + 1 }));
  notifyMessage(client, message);
}

const putPresence = (client: QueryClient, presence: Presence) =>
  client.setQueryData<{ items: Presence[] }>(
    chatKeys.presence,
    (data) => data && { items: [...data.items.filter((p) => p.userId !== presence.userId), presence] },
  );

/** The tab's badge: unread messages of the rooms I did not mute (a muted room shows its own count, dimmed). */
export const badgeCount = (rooms: readonly RoomView[]) =>
  rooms.reduce((sum, room) => sum + (room.muted ? 0 : room.unreadCount), 0);

export const chatEvents: EventAppliers = {
  'room:created': putRoom,
  'room:updated': putRoom,
  'room:deleted': (client, { id }) => dropRoom(client, id),
  'room:muted': (client, { roomId, muted }) => editRoom(client, roomId, (room) => ({ ...room, muted })),
  'message:new': receiveMessage,
  'message:updated': putMessage,
  'message:deleted': putMessage,
  'message:reacted': putMessage,
  'message:read': (client, { roomId, userId, lastReadMessageId }) =>
    editRoom(client, roomId, (room) => ({
      ...room,
      members: room.members.map((m) => (m.userId === userId ? { ...m, lastReadMessageId } : m)),
    })),
  'unread:updated': (client, { roomId, unreadCount }) => editRoom(client, roomId, (room) => ({ ...room, unreadCount })),
  'typing:start': (_, { roomId, userId, expiresInMs }) => startTyping(roomId, userId, expiresInMs),
  'typing:stop': (_, { roomId, userId }) => stopTyping(roomId, userId),
  'presence:changed': putPresence,
};

let unwatch: (() => void) | undefined;

/** This tab says "away" while hidden; the server merges the user's tabs and devices. */
const announcePresence = () =>
  void emitLive('presence:set', { status: document.visibilityState === 'visible' ? 'online' : 'away' });

/**
 * Called when the data layer loads (each sign-in): keeps the room list fetched and current, even
 * with the Chat tab closed, so the tab's badge counts unread messages everywhere.
 */
export function loadChatEvents(): EventAppliers {
  unwatch?.();
  chatBadge.set(0);
  const observer = new QueryObserver(queryClient, roomsQuery);
  const stopObserving = observer.subscribe(({ data }) => chatBadge.set(badgeCount(data?.items ?? [])));
  document.addEventListener('visibilitychange', announcePresence);
  unwatch = () => {
    stopObserving();
    document.removeEventListener('visibilitychange', announcePresence);
  };
  return chatEvents;
}

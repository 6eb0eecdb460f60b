import type { Message, Room, RoomView } from '@panoramix/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { routes } from 'virtual:panoramix/contracts';
import { call } from '../../api/client.ts';
import type { Page } from '../../api/list-cache.ts';
import type { PagedData } from '../../api/paged-list.ts';
import { reconcile } from '../../api/reconcile.ts';

export const chatKeys = {
  rooms: ['chat', 'rooms'] as const,
  messages: (roomId: string) => ['chat', 'messages', roomId] as const,
  contacts: ['chat', 'contacts'] as const,
  presence: ['chat', 'presence'] as const,
};

/** Every room of mine (the API's largest page), most recent activity first. */
export const roomsQuery = {
  queryKey: chatKeys.rooms,
  queryFn: ({ signal }: { signal: AbortSignal }) => call(routes.rooms.list, { query: { limit: 200 }, signal }),
};

const byActivity = (a: RoomView, b: RoomView) => b.lastMessageAt.localeCompare(a.lastMessageAt) || b.id.localeCompare(a.id);

export function editRooms(queryClient: QueryClient, edit: (rooms: RoomView[]) => RoomView[]): void {
  queryClient.setQueryData<Page<RoomView>>(
    chatKeys.rooms,
    (page) => page && { ...page, items: edit(page.items).sort(byActivity) },
  );
}

export const editRoom = (queryClient: QueryClient, roomId: string, edit: (room: RoomView) => RoomView) =>
  editRooms(queryClient, (rooms) => rooms.map((room) => (room.id === roomId ? edit(room) : room)));

/**
 * A room event carries nothing of mine: the unread count and mute we know are kept (none for a new
 * room). An older version than the one shown (a late event) changes nothing (see api/reconcile.ts).
 */
export const putRoom = (queryClient: QueryClient, room: Room) =>
  editRooms(queryClient, (rooms) => {
    const known = rooms.find((r) => r.id === room.id);
    const view = { ...room, unreadCount: known?.unreadCount ?? 0, muted: known?.muted ?? false };
    return reconcile(known, view) === known ? rooms : [...rooms.filter((r) => r.id !== room.id), view];
  });

export const dropRoom = (queryClient: QueryClient, roomId: string) => {
  editRooms(queryClient, (rooms) => rooms.filter((r) => r.id !== roomId));
  queryClient.removeQueries({ queryKey: chatKeys.messages(roomId) });
};

export type MessagePages = PagedData<Message>;

/**
 * The message replaced where it is, or added as the newest (pages are newest first). Idempotent:
 * the ack of our send and its `message:new` may arrive in either order.
 */
export function putMessage(queryClient: QueryClient, message: Message): void {
  const key = chatKeys.messages(message.roomId);
  if (!queryClient.getQueryData(key)) {
    // The history is still loading, and its answer may have been read before this message was stored
    // (one sent right after opening a new room vanished with its pending copy): added once it lands.
    void queryClient.refetchQueries({ queryKey: key, exact: true }, { cancelRefetch: false }).then(() => {
      if (queryClient.getQueryData(key)) putMessage(queryClient, message);
    });
  }
  queryClient.setQueryData<MessagePages>(key, (data) => {
    if (!data) return data;
    const known = data.pages.some((page) => page.items.some((m) => m.id === message.id));
    const pages = known
      ? data.pages.map((page) => ({ ...page, items: page.items.map((m) => (m.id === message.id ? message : m)) }))
      : data.pages.map((page, i) => (i === 0 ? { ...page, items: [message, ...page.items] } : page));
    return { ...data, pages };
  });
  editRoom(queryClient, message.roomId, (room) =>
    room.lastMessage?.id === message.id || !room.lastMessage || room.lastMessage.id < message.id
      ? {
          ...room,
          lastMessage: message,
          lastMessageAt: room.lastMessage?.id === message.id ? room.lastMessageAt : message.createdAt,
        }
      : room,
  );
}

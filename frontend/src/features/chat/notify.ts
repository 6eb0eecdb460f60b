import type { Message, RoomView } from '@panoramix/contracts';
import type { QueryClient } from '@tanstack/react-query';
import type { Page } from '../../api/list-cache.ts';
import { navigate } from '../../lib/location.ts';
import { canAskNotifications, showNotification } from '../../platform/powers.ts';
import { chatKeys } from './chat-cache.ts';
import { currentUserId } from './chat-state.ts';
import { messageSummary } from './message-summary.ts';
import { roomTitle } from './room-title.ts';

/** The browser asks once, and only from a click: requests made without a user action are ignored. The desktop app does not ask. */
export { canAskNotifications };
export const askNotifications = () =>
  typeof Notification === 'undefined' ? Promise.resolve('denied') : Notification.requestPermission();

/**
 * A new message in a room not in view: notified outside the window (the desktop app's, with sound, or
 * the browser's once allowed) unless the room is muted; a message naming me is notified all the same.
 */
export function notifyMessage(client: QueryClient, message: Message): void {
  const room = client.getQueryData<Page<RoomView>>(chatKeys.rooms)?.items.find((r) => r.id === message.roomId);
  if (!room || (room.muted && !message.mentions.includes(currentUserId()))) return;
  const author = room.members.find((m) => m.userId === message.userId)?.displayName ?? '';
  void showNotification({
    title: roomTitle(room, currentUserId()),
    body: `${author} : ${messageSummary(message).slice(0, 140)}`,
    tag: message.roomId,
    onClick: () => navigate(`/chat/${message.roomId}`),
  });
}

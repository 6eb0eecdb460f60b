import type { Message, RoomView } from '@panoramix/contracts';
import type { QueryClient } from '@tanstack/react-query';
import type { Page } from '../../api/list-cache.ts';
import { navigate } from '../../lib/location.ts';
import { chatKeys } from './chat-cache.ts';
import { currentUserId } from './chat-state.ts';
import { messageSummary } from './message-summary.ts';
import { roomTitle } from './room-title.ts';

const supported = () => typeof Notification !== 'undefined';

/** The browser asks once, and only from a click: requests made without a user action are ignored. */
export const canAskNotifications = () => supported() && Notification.permission === 'default';
export const askNotifications = () => (supported() ? Notification.requestPermission() : Promise.resolve('denied'));

/** A new message in a room not in view and not muted, when the user allowed notifications. */
export function notifyMessage(client: QueryClient, message: Message): void {
  if (!supported() || Notification.permission !== 'granted') return;
  const room = client.getQueryData<Page<RoomView>>(chatKeys.rooms)?.items.find((r) => r.id === message.roomId);
  if (!room || room.muted) return;
  const author = room.members.find((m) => m.userId === message.userId)?.displayName ?? '';
  const notification = new Notification(roomTitle(room, currentUserId()), {
    body: `${author} : ${messageSummary(message).slice(0, 140)}`,
    tag: message.roomId,
  });
  notification.onclick = () => {
    window.focus();
    navigate(`/chat/${message.roomId}`);
  };
}

import type { RoomView } from '@panoramix/contracts';
import { QueryClient } from '@tanstack/react-query';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Page } from '../../api/list-cache.ts';
import { aMessage, aRoom, me } from './chat-builders.ts';
import { chatKeys } from './chat-cache.ts';
import type { MessagePages } from './chat-cache.ts';
import { badgeCount, chatEvents } from './chat-events.ts';
import { pendingStore, putPending, viewStore } from './chat-state.ts';

vi.mock('./chat-state.ts', async (original) => ({ ...(await original<object>()), currentUserId: () => me }));
vi.mock('../../api/live.ts', () => ({ emitLive: vi.fn() }));

let client: QueryClient;
const room = () => client.getQueryData<Page<RoomView>>(chatKeys.rooms)?.items[0];
const apply = <K extends keyof typeof chatEvents>(type: K, data: Parameters<NonNullable<(typeof chatEvents)[K]>>[1]) =>
  (chatEvents[type] as (c: QueryClient, d: typeof data) => void)(client, data);

beforeEach(() => {
  client = new QueryClient();
  client.setQueryData(chatKeys.rooms, { items: [aRoom()], nextCursor: null });
  client.setQueryData<MessagePages>(chatKeys.messages(aRoom().id), {
    pages: [{ items: [], nextCursor: null }],
    pageParams: [null],
  });
  viewStore.set({ roomId: null, atBottom: true });
  pendingStore.set({});
});

describe('unread counting', () => {
  it('adds one per message of someone else, none for mine, and takes the exact count from unread:updated', () => {
    apply('message:new', aMessage());
    apply('message:new', aMessage());
    apply('message:new', aMessage({ userId: me }));
    expect(room()?.unreadCount).toBe(2);
    apply('unread:updated', { roomId: aRoom().id, userId: me, lastReadMessageId: null, readAt: null, unreadCount: 0 });
    expect(room()?.unreadCount).toBe(0);
  });

  it('counts nothing in the room on screen at the bottom (it is being read)', () => {
    viewStore.set({ roomId: aRoom().id, atBottom: true });
    apply('message:new', aMessage());
    expect(room()?.unreadCount).toBe(0);
    viewStore.set({ roomId: aRoom().id, atBottom: false });
    apply('message:new', aMessage());
    expect(room()?.unreadCount).toBe(1);
  });

  it('moves the room to its newest message', () => {
    const message = aMessage({ text: 'dernier' });
    apply('message:new', message);
    expect(room()?.lastMessage?.text).toBe('dernier');
    expect(room()?.lastMessageAt).toBe(message.createdAt);
  });
});

describe('optimistic send', () => {
  it('drops the pending copy when the message with its clientId arrives, and never lists a message twice', () => {
    const message = aMessage({ userId: me, clientId: 'client-optimistic-1' });
    putPending({ clientId: message.clientId, roomId: message.roomId, text: message.text, createdAt: '', failed: false });
    apply('message:new', message);
    apply('message:new', message); // the ack and the event may both deliver it
    expect(pendingStore.get()).toEqual({});
    const pages = client.getQueryData<MessagePages>(chatKeys.messages(message.roomId));
    expect(pages?.pages[0]?.items.map((m) => m.id)).toEqual([message.id]);
  });
});

describe('muted rooms', () => {
  const notifications: string[] = [];
  beforeEach(() => {
    notifications.length = 0;
    vi.stubGlobal(
      'Notification',
      Object.assign(
        function Notification(title: string) {
          notifications.push(title);
        },
        { permission: 'granted' },
      ),
    );
    return () => vi.unstubAllGlobals();
  });

  it('raise no notification but still count their own unread messages', () => {
    apply('message:new', aMessage());
    expect(notifications).toEqual(['Bruno']);
    apply('room:muted', { roomId: aRoom().id, muted: true });
    apply('message:new', aMessage());
    expect(notifications).toEqual(['Bruno']);
    expect(room()).toMatchObject({ muted: true, unreadCount: 2 });
  });

  it('still notify a message that names me', () => {
    apply('room:muted', { roomId: aRoom().id, muted: true });
    apply('message:new', aMessage());
    apply('message:new', aMessage({ mentions: [me] }));
    expect(notifications).toEqual(['Bruno']);
  });

  it('keep my mute when another member changes the room', () => {
    apply('room:muted', { roomId: aRoom().id, muted: true });
    apply('room:updated', aRoom({ name: 'Renamed' }));
    expect(room()?.muted).toBe(true);
  });

  it('stay out of the tab badge', () => {
    expect(badgeCount([aRoom({ unreadCount: 3 }), aRoom({ unreadCount: 4, muted: true }), aRoom({ unreadCount: 1 })])).toBe(4);
  });
});

import type { Message, RoomView } from '@panoramix/contracts';
import { entityBase } from '../../test-builders.ts';

export const me = 'a'.repeat(24);
export const other = 'b'.repeat(24);

/** A message with sensible defaults for tests; each test overrides only what it is about. */
export function aMessage(overrides: Partial<Message> = {}): Message {
  const { id, createdAt, n } = entityBase();
  return {
    id,
    roomId: 'r'.repeat(24),
    userId: other,
    clientId: `client-${n}-xxxxxxxx`,
    text: `message ${n}`,
    replyTo: null,
    mentions: [],
    attachments: [],
    reactions: [],
    editedAt: null,
    deletedAt: null,
    createdAt,
    ...overrides,
  };
}

/** A direct room between `me` and `other`, nothing unread. */
export function aRoom(overrides: Partial<RoomView> = {}): RoomView {
  const { createdAt } = entityBase();
  const member = (userId: string, name: string) => ({
    userId,
    username: name.toLowerCase(),
    displayName: name,
    isAdmin: false,
    lastReadMessageId: null,
  });
  return {
    id: 'r'.repeat(24),
    type: 'direct',
    name: null,
    members: [member(me, 'Alice'), member(other, 'Bruno')],
    createdBy: me,
    lastMessage: null,
    lastMessageAt: createdAt,
    createdAt,
    updatedAt: createdAt,
    unreadCount: 0,
    muted: false,
    ...overrides,
  };
}

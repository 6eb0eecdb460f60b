import { z } from 'zod';
import { isoDateTime, label, objectId } from './common.ts';
import { attachment } from './files.ts';

/**
 * Chat shapes shared by the REST routes (chat-routes.ts) and the socket protocol (chat-events.ts).
 * Message text is stored and sent raw: clients render a safe Markdown subset (bold, italic, code,
 * links, line breaks) and never inject it as HTML.
 */

export const MESSAGE_MAX_CHARS = 4000;
export const GROUP_MAX_MEMBERS = 200;

/** Organizer's fixed reaction palette, in the order pickers show it and DTOs list counts. */
export const reactionEmojis = ['👍', '❤️', '😂', '😮', '😢', '😡', '✅', '⚠️', '🙏', '🎉', '👋', '😘'] as const;
export const reactionEmoji = z.enum(reactionEmojis, { error: `must be one of ${reactionEmojis.join(' ')}` });
export type ReactionEmoji = z.infer<typeof reactionEmoji>;

export const roomTypes = ['direct', 'group'] as const;
export const roomType = z.enum(roomTypes);

/** Client-generated id of a message being sent (a UUID fits): a retry with the same one never duplicates. */
export const clientId = z
  .string()
  .regex(/^[\w-]{8,64}$/, 'must be 8 to 64 letters, digits, "-" or "_" (a UUID fits)')
  .meta({ example: '4f1c2e9b-1e8a-4012-a345-678901234567' });

export const MESSAGE_MAX_FILES = 10;

/** Text of a message that may carry files instead. */
export const messageTextOrEmpty = z.string().max(MESSAGE_MAX_CHARS, `must be at most ${MESSAGE_MAX_CHARS} characters`);
export const messageText = messageTextOrEmpty
  .refine((text) => text.trim().length > 0, 'must not be empty')
  .meta({ pattern: '\\S' }); // the refine, as the JSON schema can say it

export const reactionCount = z.object({
  emoji: reactionEmoji,
  count: z.number().int().min(1),
  userIds: z.array(objectId).meta({ description: 'Who reacted with this emoji, in the order they did' }),
});

export const messageReply = z
  .object({
    id: objectId,
    userId: objectId,
    excerpt: z.string().meta({ description: 'The first 200 characters of the replied message; empty once it is deleted' }),
    deleted: z.boolean(),
  })
  .meta({ id: 'MessageReply' });

export const message = z
  .object({
    id: objectId,
    roomId: objectId,
    userId: objectId.meta({ description: 'The sender' }),
    clientId: z.string().meta({ description: 'The id the sender generated: match it to an optimistic copy' }),
    text: z.string().meta({ description: 'Raw Markdown-subset text; empty once deleted' }),
    replyTo: messageReply.nullable(),
    mentions: z.array(objectId).meta({ description: 'Members named with @username in the text' }),
    attachments: z
      .array(attachment)
      .meta({ description: 'Files attached, downloaded from `GET /api/files/:id/content`; none once deleted' }),
    reactions: z.array(reactionCount).meta({ description: 'One entry per emoji in use, in palette order' }),
    editedAt: isoDateTime.nullable(),
    deletedAt: isoDateTime.nullable().meta({ description: 'Set when deleted: show "message supprimé"' }),
    createdAt: isoDateTime,
  })
  .meta({ id: 'Message' });
export type Message = z.infer<typeof message>;

export const roomMember = z.object({
  userId: objectId,
  username: z.string(),
  displayName: z.string(),
  isAdmin: z.boolean(),
  lastReadMessageId: objectId.nullable().meta({
    description: 'The newest message this member has read: a message is "seen by" the members whose value is ≥ its id',
  }),
});

export const room = z
  .object({
    id: objectId,
    type: roomType,
    name: z.string().nullable().meta({ description: 'Null for direct rooms: show the other member instead' }),
    members: z.array(roomMember).meta({ description: 'In the order they joined' }),
    createdBy: objectId,
    lastMessage: message.nullable(),
    lastMessageAt: isoDateTime.meta({ description: 'Creation time until the first message; rooms are listed by it' }),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'Room' });
export type Room = z.infer<typeof room>;

/** A room as one member sees it: with their own unread count and whether they muted it. */
export const roomView = room
  .extend({
    unreadCount: z
      .number()
      .int()
      .min(0)
      .meta({ description: 'Messages of others after my last read one, deleted ones excluded' }),
    muted: z.boolean().meta({ description: 'I muted it: no notification, not counted in the badge' }),
  })
  .meta({ id: 'RoomView' });
export type RoomView = z.infer<typeof roomView>;

export const roomName = label(100);

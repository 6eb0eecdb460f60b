import { reactionEmojis } from '@panoramix/contracts';
import type { Attachment, Message, ReactionEmoji, Room, RoomView } from '@panoramix/contracts';
import type { Types } from 'mongoose';
import { UserModel } from '../users/model.ts';
import { attachmentsOf } from '../files/attachments.ts';
import { MessageModel, RoomReadModel } from './model.ts';
import type { MessageDoc, RoomDoc } from './model.ts';
import { idOrNull, isoOrNull } from '../../lib/dto.ts';

const REPLY_EXCERPT_CHARS = 200;

function reactionsOf(stored: MessageDoc['reactions']): Message['reactions'] {
  const byEmoji = new Map<string, string[]>();
  const entries = stored instanceof Map ? [...stored] : Object.entries(stored ?? {});
  for (const [userId, emoji] of entries) byEmoji.set(emoji, [...(byEmoji.get(emoji) ?? []), userId]);
  return reactionEmojis
    .filter((emoji) => byEmoji.has(emoji))
    .map((emoji: ReactionEmoji) => ({ emoji, count: byEmoji.get(emoji)!.length, userIds: byEmoji.get(emoji)! }));
}

export function toMessageDto(m: MessageDoc, reply: MessageDoc | null = null, attachments: Attachment[] = []): Message {
  return {
    id: String(m._id),
    roomId: String(m.roomId),
    userId: String(m.userId),
    clientId: m.clientId,
    text: m.text,
    replyTo: reply
      ? {
          id: String(reply._id),
          userId: String(reply.userId),
          excerpt: reply.text.slice(0, REPLY_EXCERPT_CHARS),
          deleted: reply.deletedAt !== null,
        }
      : null,
    mentions: m.mentions.map(String),
    attachments,
    reactions: reactionsOf(m.reactions),
    editedAt: isoOrNull(m.editedAt),
    deletedAt: isoOrNull(m.deletedAt),
    createdAt: m.createdAt.toISOString(),
  };
}

/** DTOs of messages with the messages they reply to and their attachments, one query each. */
export async function toMessageDtos(messages: MessageDoc[]): Promise<Message[]> {
  const replyIds = messages.flatMap((m) => (m.replyToId ? [m.replyToId] : []));
  const roomIds = [...new Set(messages.map((m) => String(m.roomId)))];
  const [replies, attachments] = await Promise.all([
    replyIds.length === 0 ? [] : MessageModel.find({ _id: { $in: replyIds }, roomId: { $in: roomIds } }).lean<MessageDoc[]>(),
    attachmentsOf(messages),
  ]);
  const byId = new Map(replies.map((r) => [String(r._id), r]));
  return messages.map((m) =>
    toMessageDto(m, m.replyToId ? (byId.get(String(m.replyToId)) ?? null) : null, attachments.get(String(m._id))),
  );
}

export const toMessageDtoWithReply = async (message: MessageDoc) => (await toMessageDtos([message]))[0]!;

/** Room DTOs with member names, read positions and last messages, in three queries for the whole batch. */
export async function toRoomDtos(rooms: RoomDoc[]): Promise<Room[]> {
  if (rooms.length === 0) return [];
  const roomIds = rooms.map((r) => r._id);
  const userIds = [...new Set(rooms.flatMap((r) => r.memberIds.map(String)))];
  const lastIds = rooms.flatMap((r) => (r.lastMessageId ? [r.lastMessageId] : []));
  const [users, reads, lastMessages] = await Promise.all([
    UserModel.find({ _id: { $in: userIds } }, { username: 1, displayName: 1 }).lean(),
    RoomReadModel.find({ roomId: { $in: roomIds } }, { roomId: 1, userId: 1, lastReadMessageId: 1 }).lean(),
    lastIds.length === 0 ? [] : MessageModel.find({ _id: { $in: lastIds }, roomId: { $in: roomIds } }).lean<MessageDoc[]>(),
  ]);
  const userById = new Map(users.map((u) => [String(u._id), u]));
  const readOf = new Map(reads.map((r) => [`${String(r.roomId)}:${String(r.userId)}`, r.lastReadMessageId]));
  const lastDtos = new Map((await toMessageDtos(lastMessages)).map((m) => [m.id, m]));
  return rooms.map((r) => ({
    id: String(r._id),
    type: r.type,
    name: r.type === 'group' ? (r.name ?? '') : null,
    members: r.memberIds.map((id: Types.ObjectId) => {
      const user = userById.get(String(id));
      const lastRead = readOf.get(`${String(r._id)}:${String(id)}`);
      return {
        userId: String(id),
        username: user?.username ?? '',
        displayName: user?.displayName ?? '',
        isAdmin: r.adminIds.some((admin) => String(admin) === String(id)),
        lastReadMessageId: idOrNull(lastRead),
      };
    }),
    createdBy: String(r.userId),
    lastMessage: (r.lastMessageId && lastDtos.get(String(r.lastMessageId))) || null,
    lastMessageAt: r.lastMessageAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }));
}

export const toRoomDto = async (room: RoomDoc) => (await toRoomDtos([room]))[0]!;

/** A room as one member sees it; a new member has read nothing unread and muted nothing. */
export const withMemberState = (
  room: Room,
  state: { unreadCount: number; muted: boolean } = { unreadCount: 0, muted: false },
): RoomView => ({
  ...room,
  unreadCount: state.unreadCount,
  muted: state.muted,
});

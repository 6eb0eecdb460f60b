import type { Message, SendMessageBody } from '@panoramix/contracts';
import type { Types } from 'mongoose';
import type { AuthUser } from '../../http/auth-guard.ts';
import { HttpError, badRequest, conflict, forbidden } from '../../http/problem.ts';
import { byNewest, after, sortOf, toPage } from '../../lib/pagination.ts';
import type { EventBus } from '../../realtime/event-bus.ts';
import { UserModel } from '../users/model.ts';
import { attachFiles } from '../files/attachments.ts';
import { findMemberMessage, findMemberRoom, isAdmin, membersOf } from './access.ts';
import { toMessageDtoWithReply, toMessageDtos } from './dto.ts';
import { MessageModel, RoomModel } from './model.ts';
import type { MessageDoc, RoomDoc } from './model.ts';
import type { ReadStateService } from './read-state.ts';
import { notReadBy } from './read-state.ts';
import type { TypingService } from './typing.ts';
import { isDuplicateKey } from '../../db/duplicate-key.ts';

const MENTION = /(?<![\w@])@([a-z0-9_]{3,30})\b/gi;

/** The members named with `@username` in a text. */
async function mentionsIn(text: string, room: RoomDoc): Promise<Types.ObjectId[]> {
  const names = [...new Set([...text.matchAll(MENTION)].map((m) => m[1]!.toLowerCase()))];
  if (names.length === 0) return [];
  const users = await UserModel.find({ _id: { $in: room.memberIds }, username: { $in: names } }, { _id: 1 }).lean();
  return users.map((u) => u._id);
}

/** Deletes a message's files, bytes included, telling the given audience (the files module provides it). */
export type RemoveAttachments = (actor: AuthUser, messageId: Types.ObjectId, audience: string[]) => Promise<void>;

export function createMessageService(deps: {
  events: EventBus;
  reads: ReadStateService;
  typing: TypingService;
  admitSend: (userId: string, roomId: string) => Promise<void>;
  removeAttachments: RemoveAttachments;
}) {
  type MessageEvent = 'message:new' | 'message:updated' | 'message:deleted' | 'message:reacted';
  async function announce(type: MessageEvent, actor: AuthUser, room: RoomDoc, message: MessageDoc): Promise<Message> {
    const dto = await toMessageDtoWithReply(message);
    // Awaited: messages are indexed for search, and a write is acknowledged once its index entry is queued.
    await deps.events.emit({ type, userId: actor.id, data: dto, audience: membersOf(room) });
    return dto;
  }

  async function list(actor: AuthUser, roomId: string, query: { limit: number; cursor?: string | undefined }) {
    const room = await findMemberRoom(actor, roomId);
    const rows = await MessageModel.find({ roomId: room._id, ...after(byNewest, query.cursor) })
      .sort(sortOf(byNewest))
      .limit(query.limit + 1)
      .lean<MessageDoc[]>();
    const page = toPage(rows, query.limit, byNewest, (row) => row);
    return { items: await toMessageDtos(page.items), nextCursor: page.nextCursor };
  }

  async function checkReply(room: RoomDoc, replyTo: string | undefined) {
    if (replyTo && !(await MessageModel.exists({ _id: replyTo, roomId: room._id }))) {
      throw badRequest('body.replyTo: not a message of this room', [
        { path: 'body.replyTo', message: 'not a message of this room' },
      ]);
    }
  }

  /**
   * Idempotent by (room, sender, clientId): the unique index settles retries, concurrent or not,
   * and a retry returns the message already stored without announcing it again (even when the
   * flood limit would now refuse a new one).
   */
  async function send(actor: AuthUser, roomId: string, body: SendMessageBody): Promise<Message> {
    const room = await findMemberRoom(actor, roomId);
    const key = { roomId: room._id, userId: actor.id, clientId: body.clientId };
    const storedOr = async (error: unknown) => {
      const stored = await MessageModel.findOne(key).lean<MessageDoc>();
      if (!stored) throw error;
      return toMessageDtoWithReply(stored);
    };
    let message: MessageDoc;
    try {
      await deps.admitSend(actor.id, roomId);
      await checkReply(room, body.replyTo);
      const created = await MessageModel.create({
        ...key,
        text: body.text,
        replyToId: body.replyTo ?? null,
        mentions: await mentionsIn(body.text, room),
        fileIds: body.fileIds,
      });
      message = created.toObject() as MessageDoc;
    } catch (error) {
      if (isDuplicateKey(error) || (error instanceof HttpError && error.status === 429)) return storedOr(error);
      throw error;
    }
    // Files are claimed once the unique index made this the one message of its clientId, so a
    // concurrent retry never touches them. Refused files: the message, not yet announced, goes.
    await attachFiles(actor.id, body.fileIds, room._id, message._id).catch(async (error: unknown) => {
      await MessageModel.deleteOne({ _id: message._id, userId: actor.id });
      throw error;
    });
    // Members get the message as soon as it is stored; the room's last message follows
    // concurrently and the sender's ack waits for both. A crash in between leaves the room listed
    // by its previous message until the next one, never a lost message. Sending does not move the
    // sender's read position (as in Organizer): their own messages never count as unread, and
    // that update cost more than the rest of the send on FerretDB, which scans every read row.
    deps.typing.sent(actor.id, roomId);
    const [dto] = await Promise.all([
      announce('message:new', actor, room, message),
      RoomModel.updateOne(
        { _id: room._id, $or: [{ lastMessageId: null }, { lastMessageId: { $lt: message._id } }] },
        { $set: { lastMessageId: message._id, lastMessageAt: message.createdAt } },
        { timestamps: false },
      ).setOptions({ tenancy: 'system' }), // membership checked above
    ]);
    return dto;
  }

  async function findOwn(actor: AuthUser, id: string, allowAdmins: boolean) {
    const found = await findMemberMessage(actor, id);
    const mine = String(found.message.userId) === actor.id;
    if (!mine && !(allowAdmins && found.room.type === 'group' && isAdmin(found.room, actor.id))) {
      throw forbidden(
        allowAdmins ? 'Only its sender or a group admin can delete a message' : 'Only its sender can edit a message',
      );
    }
    return found;
  }

  async function update(id: Types.ObjectId, change: Record<string, unknown>) {
    const updated = await MessageModel.findOneAndUpdate({ _id: id }, change, { returnDocument: 'after' })
      .setOptions({ tenancy: 'system' }) // access decided by findMemberMessage
      .lean<MessageDoc>();
    return updated!;
  }

  async function edit(actor: AuthUser, id: string, text: string) {
    const { message, room } = await findOwn(actor, id, false);
    if (message.deletedAt) throw conflict('This message was deleted');
    const updated = await update(message._id, { $set: { text, mentions: await mentionsIn(text, room), editedAt: new Date() } });
    return announce('message:updated', actor, room, updated);
  }

  /** Soft delete: the message keeps its place in the history, without its text, mentions, reactions or files. */
  async function remove(actor: AuthUser, id: string) {
    const { message, room } = await findOwn(actor, id, true);
    if (message.deletedAt) return toMessageDtoWithReply(message);
    if (message.fileIds?.length) await deps.removeAttachments(actor, message._id, membersOf(room));
    const deleted = await update(message._id, {
      $set: { text: '', mentions: [], reactions: {}, fileIds: [], deletedAt: new Date() },
    });
    const dto = await announce('message:deleted', actor, room, deleted);
    // It no longer counts as unread: members who had not read it get their new count.
    const unreadBy = (await notReadBy(room._id, message._id)).filter((userId) => userId !== String(message.userId));
    await deps.reads.announceUnread(room._id, unreadBy);
    return dto;
  }

  return { list, send, edit, remove, announce };
}

export type MessageService = ReturnType<typeof createMessageService>;

import type { ReadState } from '@panoramix/contracts';
import type { Types } from 'mongoose';
import type { AuthUser } from '../../http/auth-guard.ts';
import { badRequest } from '../../http/problem.ts';
import { idOrNull, isoOrNull } from '../../lib/dto.ts';
import type { EventBus } from '../../realtime/event-bus.ts';
import { findMemberRoom, membersOf } from './access.ts';
import { MessageModel, RoomReadModel } from './model.ts';
import type { RoomReadDoc } from './model.ts';
import { isDuplicateKey } from '../../db/duplicate-key.ts';

type Id = string | Types.ObjectId;

/**
 * Creates the read rows of new members; they start as having read `lastReadMessageId` (older
 * history is not "unread"). Inserted as whole documents — an upsert's `$setOnInsert` of nulls
 * leaves the fields out on FerretDB — and a member who already has a row keeps it.
 */
export async function addReadRows(roomId: Id, userIds: readonly Id[], lastReadMessageId: Id | null) {
  if (userIds.length === 0) return;
  try {
    await RoomReadModel.insertMany(
      userIds.map((userId) => ({ roomId, userId, lastReadMessageId, readAt: null })),
      { ordered: false },
    );
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
}

/** Moves a member's read position forward to `messageId`, never back; true when it moved. */
export async function advanceRead(userId: Id, roomId: Id, messageId: Id, at = new Date()): Promise<boolean> {
  const set = { $set: { lastReadMessageId: messageId, readAt: at } };
  const moved = await RoomReadModel.updateOne(
    { roomId, userId, $or: [{ lastReadMessageId: null }, { lastReadMessageId: { $lt: messageId } }] },
    set,
  );
  if (moved.matchedCount > 0) return true;
  // No row moved: either it is already further, or it is missing (written before read rows existed).
  const inserted = await RoomReadModel.updateOne({ roomId, userId }, { $setOnInsert: set.$set }, { upsert: true });
  return inserted.upsertedCount > 0;
}

/** Members whose read position is before the message. */
export async function notReadBy(roomId: Id, messageId: Id): Promise<string[]> {
  const rows = await RoomReadModel.find(
    { roomId, $or: [{ lastReadMessageId: null }, { lastReadMessageId: { $lt: messageId } }] },
    { userId: 1 },
  ).lean();
  return rows.map((r) => String(r.userId));
}

/** Messages of others after `lastRead` that are not deleted. */
export const countUnread = (userId: Id, roomId: Id, lastRead: Id | null | undefined) =>
  MessageModel.countDocuments({
    roomId,
    userId: { $ne: userId },
    deletedAt: null,
    ...(lastRead ? { _id: { $gt: lastRead } } : {}),
  });

/** A member's own state in a room: how far they read, and whether they muted it. */
export type MemberState = ReadState & { muted: boolean };

/** The caller's state in each room (one query for the rows, then one count per room, in parallel). */
export async function readStates(userId: string, roomIds: readonly Types.ObjectId[]): Promise<Map<string, MemberState>> {
  const rows = await RoomReadModel.find({ userId, roomId: { $in: roomIds } }).lean<RoomReadDoc[]>();
  const byRoom = new Map(rows.map((r) => [String(r.roomId), r]));
  const states = await Promise.all(
    roomIds.map(async (roomId): Promise<MemberState> => {
      const row = byRoom.get(String(roomId));
      return {
        roomId: String(roomId),
        userId,
        lastReadMessageId: idOrNull(row?.lastReadMessageId),
        readAt: isoOrNull(row?.readAt),
        unreadCount: await countUnread(userId, roomId, row?.lastReadMessageId),
        muted: row?.muted ?? false,
      };
    }),
  );
  return new Map(states.map((s) => [s.roomId, s]));
}

export function createReadStateService(deps: { events: EventBus }) {
  /** Sends each user (all their devices) their recomputed read state of the room. */
  async function announceUnread(roomId: Types.ObjectId, userIds: readonly string[]): Promise<ReadState[]> {
    const states = await Promise.all(
      userIds.map(async (userId): Promise<ReadState> => {
        const { muted: _private, ...state } = (await readStates(userId, [roomId])).get(String(roomId))!;
        return state;
      }),
    );
    for (const state of states)
      deps.events.emit({ type: 'unread:updated', userId: state.userId, data: state, audience: [state.userId] });
    return states;
  }

  async function markRead(actor: AuthUser, roomId: string, messageId: string): Promise<ReadState> {
    const room = await findMemberRoom(actor, roomId);
    if (!(await MessageModel.exists({ _id: messageId, roomId: room._id }))) {
      throw badRequest('body.messageId: not a message of this room', [
        { path: 'body.messageId', message: 'not a message of this room' },
      ]);
    }
    const readAt = new Date();
    if (await advanceRead(actor.id, room._id, messageId, readAt)) {
      deps.events.emit({
        type: 'message:read',
        userId: actor.id,
        data: { roomId, userId: actor.id, lastReadMessageId: messageId, readAt: readAt.toISOString() },
        audience: membersOf(room),
      });
    }
    const [state] = await announceUnread(room._id, [actor.id]);
    return state!;
  }

  return { markRead, announceUnread };
}

export type ReadStateService = ReturnType<typeof createReadStateService>;

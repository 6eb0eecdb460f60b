import type { AuthUser } from '../../http/auth-guard.ts';
import { notFound } from '../../http/problem.ts';
import { MessageModel, RoomModel } from './model.ts';
import type { MessageDoc, RoomDoc } from './model.ts';

/**
 * The one place that decides who reaches a room and its messages, for REST and sockets alike:
 * its current members. Anyone else gets 404, as if the room did not exist.
 */
export const memberRooms = (userId: string) => ({ memberIds: userId, deletingAt: null });

/** The ids of the rooms a user is a member of now. */
export async function memberRoomIds(userId: string) {
  const rooms = await RoomModel.find(memberRooms(userId), { _id: 1 }).lean();
  return rooms.map((room) => room._id);
}

/** Everyone in a room (none when it is gone), for deliveries decided elsewhere (a file's audience). */
export async function roomMemberIds(roomId: unknown): Promise<string[]> {
  const room = await RoomModel.findOne({ _id: roomId }, { memberIds: 1 }).setOptions({ tenancy: 'system' }).lean();
  return (room?.memberIds ?? []).map(String);
}

export async function findMemberRoom(actor: AuthUser, roomId: string): Promise<RoomDoc> {
  const room = await RoomModel.findOne({ _id: roomId, ...memberRooms(actor.id) }).lean<RoomDoc>();
  if (!room) throw notFound('Room');
  return room;
}

/** A message of a room the caller is a member of, with its room; 404 otherwise. */
export async function findMemberMessage(actor: AuthUser, messageId: string) {
  // The room is not known yet: look the message up by id, then decide on its room's membership.
  const message = await MessageModel.findOne({ _id: messageId }).setOptions({ tenancy: 'system' }).lean<MessageDoc>();
  const room = message && (await RoomModel.findOne({ _id: message.roomId, ...memberRooms(actor.id) }).lean<RoomDoc>());
  if (!message || !room) throw notFound('Message');
  return { message, room };
}

/** Who receives a room's events: exactly its members. */
export const membersOf = (room: Pick<RoomDoc, 'memberIds'>) => room.memberIds.map(String);
export const othersOf = (room: Pick<RoomDoc, 'memberIds'>, userId: string) => membersOf(room).filter((id) => id !== userId);
export const isAdmin = (room: Pick<RoomDoc, 'adminIds'>, userId: string) => room.adminIds.some((id) => String(id) === userId);

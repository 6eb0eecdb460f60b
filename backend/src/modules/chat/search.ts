import { purgeDeleted, stampPages } from '../../ml/index/sources.ts';
import type { IndexedItem, SearchSource } from '../../ml/index/sources.ts';
import type { AuthUser } from '../../http/auth-guard.ts';
import { UserModel } from '../users/model.ts';
import { memberRoomIds } from './access.ts';
import { MessageModel, RoomModel } from './model.ts';
import type { MessageDoc, RoomDoc } from './model.ts';

const roomScope = (roomId: unknown) => `room:${String(roomId)}`;

/**
 * The room scopes a caller may search: their rooms now. Computed at each search, so a member
 * who leaves or is removed stops finding the room's messages at once, with no reindex.
 */
export async function roomScopes(actor: AuthUser): Promise<string[]> {
  return (await memberRoomIds(actor.id)).map(roomScope);
}

/**
 * The title of a message's entry. One entry serves every member, so a direct room names both
 * people ("sender → recipient": the other member, whoever reads it); a group gives its name.
 */
function titleOf(message: MessageDoc, room: RoomDoc, nameOf: (id: unknown) => string) {
  if (room.type === 'group') return `${room.name ?? ''} · ${nameOf(message.userId)}`;
  const recipient = room.memberIds.find((id) => String(id) !== String(message.userId));
  return `${nameOf(message.userId)} → ${nameOf(recipient)}`;
}

/**
 * Chat messages, found by the current members of their room. A deleted message, one with no text
 * (files only), or one of a room being deleted reads as gone: its entries are removed.
 */
export const messageSearch: SearchSource = {
  kind: 'message',
  events: ['message:new', 'message:updated', 'message:deleted'],
  purge: purgeDeleted(RoomModel, ['room:deleted'], 'room'),
  async load(ids) {
    // System reads: who finds an entry is decided at search time from its room scope.
    const messages = (
      await MessageModel.find({ _id: { $in: ids }, deletedAt: null })
        .setOptions({ tenancy: 'system' })
        .lean<MessageDoc[]>()
    ).filter((message) => message.text.trim() !== '');
    const rooms = await RoomModel.find({ _id: { $in: messages.map((m) => m.roomId) }, deletingAt: null })
      .setOptions({ tenancy: 'system' })
      .lean<RoomDoc[]>();
    const roomOf = new Map(rooms.map((room) => [String(room._id), room]));
    const people = [...messages.map((m) => m.userId), ...rooms.flatMap((room) => room.memberIds)];
    const users = await UserModel.find({ _id: { $in: people } }, { displayName: 1 }).lean();
    const names = new Map(users.map((user) => [String(user._id), user.displayName]));
    const nameOf = (id: unknown) => names.get(String(id)) ?? '';
    return messages.flatMap((message): IndexedItem[] => {
      const room = roomOf.get(String(message.roomId));
      if (!room) return [];
      return [
        {
          id: String(message._id),
          userId: String(message.userId),
          projectId: null,
          scope: roomScope(room._id),
          title: titleOf(message, room, nameOf),
          text: message.text,
          updatedAt: message.editedAt ?? message.createdAt,
          target: `/chat/${String(room._id)}?message=${String(message._id)}`,
        },
      ];
    });
  },
  // What `load` keeps (room deletion aside): not deleted, some text; dated as `load` dates them.
  stamps: () =>
    stampPages<MessageDoc & { _id: unknown; userId: unknown }>(MessageModel, {
      filter: { deletedAt: null, text: { $regex: '\\S' } },
      fields: ['editedAt', 'createdAt'],
      stampOf: (message) => message.editedAt ?? message.createdAt,
    }),
};

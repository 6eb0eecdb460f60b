import type { CreateRoomBody, Room, RoomView } from '@panoramix/contracts';
import { GROUP_MAX_MEMBERS } from '@panoramix/contracts';
import { Types } from 'mongoose';
import type { AuthUser } from '../../http/auth-guard.ts';
import { badRequest, conflict, forbidden, notFound } from '../../http/problem.ts';
import type { JobQueue } from '../../jobs/runner.ts';
import { after, sortOf, toPage } from '../../lib/pagination.ts';
import type { SortKey } from '../../lib/pagination.ts';
import type { EventBus } from '../../realtime/event-bus.ts';
import { UserModel } from '../users/model.ts';
import { findMemberRoom, isAdmin, memberRooms, membersOf } from './access.ts';
import { toRoomDto, toRoomDtos, withMemberState } from './dto.ts';
import { RoomModel, RoomReadModel } from './model.ts';
import type { RoomDoc } from './model.ts';
import { addReadRows, readStates } from './read-state.ts';
import { isDuplicateKey } from '../../db/duplicate-key.ts';

export const ROOM_DELETE_JOB = 'chat.room-delete';

const byActivity: SortKey = { field: 'lastMessageAt', direction: 'desc' };
const directKey = (a: string, b: string) => [a, b].sort().join(':');

/** Every id must be an active account; the problem names the field and the first unknown id. */
async function requireActiveUsers(ids: readonly string[], field: string) {
  const found = await UserModel.find({ _id: { $in: ids }, disabled: false }, { _id: 1 }).lean();
  const known = new Set(found.map((u) => String(u._id)));
  const missing = ids.find((id) => !known.has(id));
  if (missing) throw badRequest(`${field}: no such user ${missing}`, [{ path: field, message: `no such user ${missing}` }]);
}

export function createRoomService(deps: { events: EventBus; jobs: JobQueue }) {
  async function views(actor: AuthUser, rooms: RoomDoc[]): Promise<RoomView[]> {
    const [dtos, states] = await Promise.all([
      toRoomDtos(rooms),
      readStates(
        actor.id,
        rooms.map((r) => r._id),
      ),
    ]);
    return dtos.map((room) => withMemberState(room, states.get(room.id)));
  }

  async function announce(type: 'room:created' | 'room:updated', actor: AuthUser, room: RoomDoc, audience = membersOf(room)) {
    const dto = await toRoomDto(room);
    deps.events.emit({ type, userId: actor.id, data: dto, audience });
    return dto;
  }

  async function list(actor: AuthUser, query: { limit: number; cursor?: string | undefined }) {
    const rows = await RoomModel.find({ ...memberRooms(actor.id), ...after(byActivity, query.cursor) })
      .sort(sortOf(byActivity))
      .limit(query.limit + 1)
      .lean<RoomDoc[]>();
    const page = toPage(rows, query.limit, byActivity, (row) => row);
    return { items: await views(actor, page.items), nextCursor: page.nextCursor };
  }

  const get = async (actor: AuthUser, id: string) => (await views(actor, [await findMemberRoom(actor, id)]))[0]!;

  /** Read rows first, then the room: a crash in between leaves rows nobody reaches, never a room without them. */
  async function insert(
    actor: AuthUser,
    fields: { type: 'direct' | 'group'; name: string | null; key?: string; memberIds: string[] },
  ) {
    const _id = new Types.ObjectId();
    await addReadRows(_id, fields.memberIds, null);
    const created = await RoomModel.create({
      _id,
      ...fields,
      key: fields.key ?? String(_id),
      userId: actor.id,
      adminIds: fields.type === 'group' ? [actor.id] : [],
      lastMessageAt: new Date(),
    });
    const room = created.toObject() as RoomDoc;
    await announce('room:created', actor, room);
    return room;
  }

  async function createDirect(actor: AuthUser, otherId: string): Promise<RoomDoc> {
    if (otherId === actor.id) {
      throw badRequest('body.memberIds.0: cannot be yourself', [{ path: 'body.memberIds.0', message: 'cannot be yourself' }]);
    }
    await requireActiveUsers([otherId], 'body.memberIds.0');
    const key = directKey(actor.id, otherId);
    const existing = () => RoomModel.findOne({ key, ...memberRooms(actor.id) }).lean<RoomDoc>();
    try {
      return (await existing()) ?? (await insert(actor, { type: 'direct', name: null, key, memberIds: [actor.id, otherId] }));
    } catch (error) {
      // Both people started the room at once: the unique key kept one, which is theirs too.
      const winner = isDuplicateKey(error) ? await existing() : null;
      if (!winner) throw error;
      return winner;
    }
  }

  async function create(actor: AuthUser, body: CreateRoomBody): Promise<RoomView> {
    if (body.type === 'direct') return get(actor, String((await createDirect(actor, body.memberIds[0]))._id));
    const others = [...new Set(body.memberIds)].filter((id) => id !== actor.id);
    await requireActiveUsers(others, 'body.memberIds');
    const room = await insert(actor, { type: 'group', name: body.name, memberIds: [actor.id, ...others] });
    return withMemberState(await toRoomDto(room));
  }

  /** The caller's own settings in a room; their other tabs and devices follow, nobody else is told. */
  async function updateMine(actor: AuthUser, id: string, change: { muted: boolean }): Promise<RoomView> {
    const room = await findMemberRoom(actor, id);
    await RoomReadModel.updateOne({ roomId: room._id, userId: actor.id }, { $set: { muted: change.muted } }, { upsert: true });
    deps.events.emit({
      type: 'room:muted',
      userId: actor.id,
      data: { roomId: id, muted: change.muted },
      audience: [actor.id],
    });
    return get(actor, id);
  }

  async function requireGroupAdmin(actor: AuthUser, id: string, what: string) {
    const room = await findMemberRoom(actor, id);
    if (room.type === 'direct') throw conflict(`A direct room always has its two members and no name: ${what} is for groups`);
    if (!isAdmin(room, actor.id)) throw forbidden(`Only an admin of the group can ${what}`);
    return room;
  }

  async function write(id: Types.ObjectId, update: Record<string, unknown>) {
    const room = await RoomModel.findOneAndUpdate({ _id: id, deletingAt: null }, update, { returnDocument: 'after' })
      .setOptions({ tenancy: 'system' }) // membership was checked by the caller
      .lean<RoomDoc>();
    if (!room) throw notFound('Room');
    return room;
  }

  async function rename(actor: AuthUser, id: string, name: string): Promise<Room> {
    const room = await requireGroupAdmin(actor, id, 'rename it');
    return announce('room:updated', actor, await write(room._id, { $set: { name } }));
  }

  async function addMembers(actor: AuthUser, id: string, userIds: readonly string[]): Promise<Room> {
    const room = await requireGroupAdmin(actor, id, 'add members');
    const current = new Set(membersOf(room));
    const added = [...new Set(userIds)].filter((userId) => !current.has(userId));
    await requireActiveUsers(added, 'body.userIds');
    if (current.size + added.length > GROUP_MAX_MEMBERS) throw conflict(`A group has at most ${GROUP_MAX_MEMBERS} members`);
    await addReadRows(room._id, added, room.lastMessageId ?? null);
    const updated = await write(room._id, { $addToSet: { memberIds: { $each: added.map((a) => new Types.ObjectId(a)) } } });
    await announce('room:created', actor, updated, added);
    return announce('room:updated', actor, updated, [...current]);
  }

  /**
   * An admin removes a member, or a member leaves. When the last admin goes, the oldest remaining
   * member becomes admin; when the last member goes, the room is deleted.
   */
  async function removeMember(actor: AuthUser, id: string, userId: string): Promise<Room> {
    const room = await findMemberRoom(actor, id);
    if (room.type === 'direct') throw conflict('A direct room always has its two members: delete it instead');
    if (userId !== actor.id && !isAdmin(room, actor.id)) throw forbidden('Only an admin of the group can remove others');
    const remaining = membersOf(room).filter((m) => m !== userId);
    if (remaining.length === room.memberIds.length) throw notFound('Member');
    if (remaining.length === 0) {
      await remove(actor, id);
      return { ...(await toRoomDto(room)), members: [] };
    }
    const admins = room.adminIds.map(String).filter((a) => a !== userId);
    const updated = await write(room._id, {
      $pull: { memberIds: new Types.ObjectId(userId) },
      $set: { adminIds: admins.length > 0 ? admins : [remaining[0]] },
    });
    await RoomReadModel.deleteOne({ roomId: room._id, userId });
    deps.events.emit({ type: 'room:deleted', userId: actor.id, data: { id }, audience: [userId] });
    return announce('room:updated', actor, updated, remaining);
  }

  /**
   * Deletion is a durable job: queued first (a crash after this point still deletes everything),
   * then the room disappears for its members at once and its direct key is freed.
   */
  async function remove(actor: AuthUser, id: string) {
    const room = await findMemberRoom(actor, id);
    if (room.type === 'group' && !isAdmin(room, actor.id)) throw forbidden('Only an admin of the group can delete it');
    await deps.jobs.now(ROOM_DELETE_JOB, { roomId: id });
    await write(room._id, { $set: { deletingAt: new Date(), key: `deleted:${id}` } });
    // Awaited: it queues the purge of the room's search entries.
    await deps.events.emit({ type: 'room:deleted', userId: actor.id, data: { id }, audience: membersOf(room) });
    return { id };
  }

  return { list, get, create, updateMine, rename, addMembers, removeMember, remove };
}

export type RoomService = ReturnType<typeof createRoomService>;

import type { Presence, PresenceStatus } from '@panoramix/contracts';
import type { AuthUser } from '../../http/auth-guard.ts';
import type { EventBus } from '../../realtime/event-bus.ts';
import type { RealtimeServer } from '../../realtime/socket.ts';
import { userRoom } from '../../realtime/socket.ts';
import { memberRooms } from './access.ts';
import { ContactModel, PresenceModel } from './contacts.model.ts';
import { RoomModel } from './model.ts';

/**
 * Presence is read from the sockets themselves, through the adapter (`fetchSockets` asks every
 * instance when Redis joins them): online when any socket of the user is active, away when all
 * say away, offline when there is none. Only the last-seen time is stored.
 */
export function createPresenceService(deps: { events: EventBus }) {
  let io: RealtimeServer | undefined;

  async function statuses(userIds: readonly string[]): Promise<Map<string, PresenceStatus>> {
    const result = new Map<string, PresenceStatus>(userIds.map((id) => [id, 'offline']));
    if (!io || userIds.length === 0) return result;
    for (const socket of await io.in(userIds.map(userRoom)).fetchSockets()) {
      const id = socket.data.user.id;
      if (result.get(id) !== 'online') result.set(id, socket.data.away ? 'away' : 'online');
    }
    return result;
  }

  /**
   * Whose presence a user sees, and who sees theirs (the same people): everyone they share a room
   * with, and their mutual contacts. Adding someone as a contact alone shows nothing: they must add
   * you back, so nobody can follow a stranger's comings and goings.
   */
  async function circleOf(userId: string): Promise<string[]> {
    const [rooms, mine, addedMe] = await Promise.all([
      RoomModel.find(memberRooms(userId), { memberIds: 1 }).lean(),
      ContactModel.find({ userId }, { contactId: 1 }).lean(),
      ContactModel.find({ contactId: userId }, { userId: 1 }).setOptions({ tenancy: 'system' }).lean(),
    ]);
    const followers = new Set(addedMe.map((c) => String(c.userId)));
    const mutual = mine.map((c) => String(c.contactId)).filter((id) => followers.has(id));
    const circle = new Set([...rooms.flatMap((r) => r.memberIds.map(String)), ...mutual]);
    circle.delete(userId);
    return [...circle];
  }

  async function presences(userIds: readonly string[]): Promise<Presence[]> {
    const [live, seen] = await Promise.all([statuses(userIds), PresenceModel.find({ userId: { $in: userIds } }).lean()]);
    const seenAt = new Map(seen.map((p) => [String(p.userId), p.lastSeenAt.toISOString()]));
    return userIds.map((userId) => ({ userId, status: live.get(userId) ?? 'offline', lastSeenAt: seenAt.get(userId) ?? null }));
  }

  /**
   * After sockets of these users connected, disconnected or changed state: tells each one's watchers
   * where they stand now. One look at the sockets for all of them (with Redis, a request to every
   * instance), one write of the leavers' last-seen time, one read of the others'.
   */
  async function announce(userIds: readonly string[]) {
    const live = await statuses(userIds);
    const now = new Date();
    const gone = userIds.filter((id) => live.get(id) === 'offline');
    const here = userIds.filter((id) => live.get(id) !== 'offline');
    const [, seen] = await Promise.all([
      gone.length > 0 &&
        PresenceModel.bulkWrite(
          gone.map((userId) => ({ updateOne: { filter: { userId }, update: { $set: { lastSeenAt: now } }, upsert: true } })),
          { ordered: false },
        ),
      here.length > 0 ? PresenceModel.find({ userId: { $in: here } }).lean() : [],
    ]);
    const seenAt = new Map<string, Date>(seen.map((p) => [String(p.userId), p.lastSeenAt]));
    for (const userId of gone) seenAt.set(userId, now);
    for (const userId of userIds) {
      const status = live.get(userId) ?? 'offline';
      const data = { userId, status, lastSeenAt: seenAt.get(userId)?.toISOString() ?? null };
      deps.events.emit({ type: 'presence:changed', userId, data, audience: await circleOf(userId) });
    }
  }

  /** Presence of the people the caller sees: co-members of their rooms and mutual contacts. */
  async function list(actor: AuthUser) {
    return { items: await presences((await circleOf(actor.id)).sort()) };
  }

  return { attach: (server: RealtimeServer) => void (io = server), announce, list };
}

export type PresenceService = ReturnType<typeof createPresenceService>;

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

  /** Who sees a user's presence: everyone they share a room with and whoever keeps them as a contact (not themselves). */
  async function watchersOf(userId: string): Promise<string[]> {
    const [rooms, followers] = await Promise.all([
      RoomModel.find(memberRooms(userId), { memberIds: 1 }).lean(),
      ContactModel.find({ contactId: userId }, { userId: 1 }).setOptions({ tenancy: 'system' }).lean(),
    ]);
    const watchers = new Set([...rooms.flatMap((r) => r.memberIds.map(String)), ...followers.map((f) => String(f.userId))]);
    watchers.delete(userId);
    return [...watchers];
  }

  async function presences(userIds: readonly string[]): Promise<Presence[]> {
    const [live, seen] = await Promise.all([statuses(userIds), PresenceModel.find({ userId: { $in: userIds } }).lean()]);
    const seenAt = new Map(seen.map((p) => [String(p.userId), p.lastSeenAt.toISOString()]));
    return userIds.map((userId) => ({ userId, status: live.get(userId) ?? 'offline', lastSeenAt: seenAt.get(userId) ?? null }));
  }

  /** After a socket of the user connected, disconnected or changed state: tells the watchers where they stand now. */
  async function announce(userId: string) {
    const [status] = (await statuses([userId])).values();
    if (status === 'offline') await PresenceModel.updateOne({ userId }, { $set: { lastSeenAt: new Date() } }, { upsert: true });
    const [data] = await presences([userId]);
    deps.events.emit({ type: 'presence:changed', userId, data: data!, audience: await watchersOf(userId) });
  }

  /** Presence of the people the caller sees: co-members of their rooms and their contacts. */
  async function list(actor: AuthUser) {
    const [rooms, contacts] = await Promise.all([
      RoomModel.find(memberRooms(actor.id), { memberIds: 1 }).lean(),
      ContactModel.find({ userId: actor.id }, { contactId: 1 }).lean(),
    ]);
    const ids = new Set([...rooms.flatMap((r) => r.memberIds.map(String)), ...contacts.map((c) => String(c.contactId))]);
    ids.delete(actor.id);
    return { items: await presences([...ids].sort()) };
  }

  return { attach: (server: RealtimeServer) => void (io = server), announce, list };
}

export type PresenceService = ReturnType<typeof createPresenceService>;

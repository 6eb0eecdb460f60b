import type { AuthUser } from '../../http/auth-guard.ts';
import type { EventBus } from '../../realtime/event-bus.ts';
import { findMemberRoom, othersOf } from './access.ts';

/** A typing indicator lasts this long without a refresh. */
export const TYPING_TTL_MS = 5000;
/** At most one `typing:start` is relayed per user and room in this time; more are acknowledged and dropped. */
export const TYPING_THROTTLE_MS = 2000;

interface Typing {
  relayedAt: number;
  audience: string[];
  expiry: ReturnType<typeof setTimeout>;
}

/**
 * Typing indicators, relayed to the other members of the room only. The state is this instance's
 * (a timer per user and room); the events reach every instance through the event bus.
 */
export function createTypingService(deps: { events: EventBus; ttlMs?: number }) {
  const ttlMs = deps.ttlMs ?? TYPING_TTL_MS;
  const active = new Map<string, Typing>();
  const keyOf = (userId: string, roomId: string) => `${userId}:${roomId}`;

  function end(userId: string, roomId: string) {
    const typing = active.get(keyOf(userId, roomId));
    if (!typing) return;
    clearTimeout(typing.expiry);
    active.delete(keyOf(userId, roomId));
    deps.events.emit({ type: 'typing:stop', userId, data: { roomId, userId }, audience: typing.audience });
  }

  async function start(actor: AuthUser, roomId: string) {
    const key = keyOf(actor.id, roomId);
    const current = active.get(key);
    if (current && Date.now() - current.relayedAt < TYPING_THROTTLE_MS) return;
    const audience = othersOf(await findMemberRoom(actor, roomId), actor.id);
    clearTimeout(current?.expiry);
    const expiry = setTimeout(() => end(actor.id, roomId), ttlMs);
    expiry.unref();
    active.set(key, { relayedAt: Date.now(), audience, expiry });
    if (audience.length > 0) {
      deps.events.emit({
        type: 'typing:start',
        userId: actor.id,
        data: { roomId, userId: actor.id, expiresInMs: ttlMs },
        audience,
      });
    }
  }

  async function stop(actor: AuthUser, roomId: string) {
    if (active.has(keyOf(actor.id, roomId))) end(actor.id, roomId);
    else await findMemberRoom(actor, roomId); // nothing to stop, but a non-member still learns nothing but 404
  }

  /** Sending a message ends the sender's typing in that room. */
  const sent = (userId: string, roomId: string) => end(userId, roomId);

  return { start, stop, sent };
}

export type TypingService = ReturnType<typeof createTypingService>;

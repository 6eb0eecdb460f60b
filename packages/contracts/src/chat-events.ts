import { z } from 'zod';
import { isoDateTime, objectId } from './common.ts';
import { message, room } from './chat.ts';
import { readState, roomDeleted, roomMuted, sendMessageBody } from './chat-routes.ts';
import { presence } from './contacts.ts';

/**
 * The chat's socket protocol, shared by the web, desktop and Android clients.
 *
 * Server → client: every event is emitted by the server after its write, to the members of the
 * room only (never relayed from a client's claim). Message events carry the full message DTO, so
 * no follow-up fetch is needed; clients dedupe by `id` and match their optimistic copy by `clientId`.
 * Unread counts: on `message:new` from someone else in a room not in view, add one locally;
 * `unread:updated` then gives the exact count whenever it is recomputed (after a read, on every
 * device of the reader). On (re)connect, refetch `GET /api/rooms`: events sent while offline are lost.
 */
export const chatServerEvents = {
  'room:created': room,
  'room:updated': room,
  /** The room is gone for me: deleted, or I left or was removed. */
  'room:deleted': roomDeleted,
  /** I muted or unmuted the room (from another tab or device): to my own sockets only. */
  'room:muted': roomMuted,
  'message:new': message,
  'message:updated': message,
  'message:deleted': message,
  'message:reacted': message,
  /** A member read up to a message: drives "seen by". */
  'message:read': z.object({ roomId: objectId, userId: objectId, lastReadMessageId: objectId, readAt: isoDateTime }),
  'unread:updated': readState,
  /** Someone else types in a room; without a refresh it stops by itself after `expiresInMs`. */
  'typing:start': z.object({ roomId: objectId, userId: objectId, expiresInMs: z.number().int() }),
  'typing:stop': z.object({ roomId: objectId, userId: objectId }),
  'presence:changed': presence,
} as const;

const roomRef = z.strictObject({ roomId: objectId });

/**
 * Client → server events. Each takes a payload and an acknowledgement callback answered with
 * `{ ok: true, data? }` or `{ ok: false, error: { status, title, detail } }` (the HTTP problem's
 * status and wording): a room the sender is not a member of answers 404 and nothing else happens.
 */
export const chatClientEvents = {
  /** I am typing: send at most every 2 s while typing; the server relays once per 2 s and expires it after 5 s. */
  'typing:start': roomRef,
  'typing:stop': roomRef,
  /** This tab or device is active (`online`) or idle (`away`); a user is away when all their sockets are. */
  'presence:set': z.strictObject({ status: z.enum(['online', 'away']) }),
  /** Same as `POST /api/rooms/:id/messages`; the ack's data is the message. */
  'message:send': sendMessageBody.safeExtend({ roomId: objectId }),
} as const;

export const ackError = z.object({ status: z.number().int(), title: z.string(), detail: z.string().optional() });
export type AckError = z.infer<typeof ackError>;
export type Ack<T = undefined> = { ok: true; data?: T } | { ok: false; error: AckError };

type ChatClientEvents = typeof chatClientEvents;
interface ChatClientResults {
  'typing:start': undefined;
  'typing:stop': undefined;
  'presence:set': undefined;
  'message:send': z.infer<typeof message>;
}
export type ChatClientEventType = keyof ChatClientEvents;
export type ChatClientToServerEvents = {
  [K in ChatClientEventType]: (payload: z.input<ChatClientEvents[K]>, ack: (result: Ack<ChatClientResults[K]>) => void) => void;
};

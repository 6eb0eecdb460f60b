import { sessionStore } from '../../app/auth/session-store.ts';
import { createStore } from '../../lib/store.ts';

export function currentUserId(): string {
  const session = sessionStore.get();
  return session.phase === 'signed-in' ? session.user.id : '';
}

/**
 * The chat's state that is not server data: which room is on screen (unread counting and
 * notifications skip it), who is typing where, and messages still being sent.
 */
export const viewStore = createStore<{ roomId: string | null; atBottom: boolean }>({ roomId: null, atBottom: true });

/** A room the user is looking at right now, scrolled to its newest message. */
export function isWatching(roomId: string): boolean {
  const view = viewStore.get();
  return view.roomId === roomId && view.atBottom && document.visibilityState === 'visible';
}

/** roomId → userId → when the indicator expires (ms since epoch). */
export const typingStore = createStore<Record<string, Record<string, number>>>({});
const expiries = new Map<string, ReturnType<typeof setTimeout>>();

export function stopTyping(roomId: string, userId: string): void {
  clearTimeout(expiries.get(`${roomId}:${userId}`));
  expiries.delete(`${roomId}:${userId}`);
  typingStore.set((all) => {
    if (!all[roomId]?.[userId]) return all;
    const { [userId]: _gone, ...rest } = all[roomId];
    return { ...all, [roomId]: rest };
  });
}

/** Shown until `typing:stop`, the sender's message, or the server's expiry without a refresh. */
export function startTyping(roomId: string, userId: string, expiresInMs: number): void {
  clearTimeout(expiries.get(`${roomId}:${userId}`));
  expiries.set(
    `${roomId}:${userId}`,
    setTimeout(() => stopTyping(roomId, userId), expiresInMs),
  );
  typingStore.set((all) => ({ ...all, [roomId]: { ...all[roomId], [userId]: Date.now() + expiresInMs } }));
}

export interface PendingMessage {
  clientId: string;
  roomId: string;
  text: string;
  replyTo?: string | undefined;
  fileIds?: string[] | undefined;
  createdAt: string;
  failed: boolean;
}

/** Optimistic copies, by clientId, until the server's message with the same clientId arrives. */
export const pendingStore = createStore<Record<string, PendingMessage>>({});

export const putPending = (pending: PendingMessage) => pendingStore.set((all) => ({ ...all, [pending.clientId]: pending }));

export function dropPending(clientId: string): void {
  pendingStore.set((all) => {
    if (!all[clientId]) return all;
    const { [clientId]: _sent, ...rest } = all;
    return rest;
  });
}

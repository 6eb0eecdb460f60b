import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@panoramix/contracts';
import { connectionStore } from './connection-status.ts';
import { apiBase } from '../platform/index.ts';
import type { EventDispatcher } from './event-appliers.ts';
import { currentAccessToken, onSessionChange, refreshSession } from './session-token.ts';

interface LiveOptions {
  dispatcher: EventDispatcher;
  /** Called on each connection: whatever happened while offline must be fetched again. */
  resync: () => void;
}

const MAX_DELAY_MS = 30_000;
const ACK_TIMEOUT_MS = 10_000;

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type ClientEvent = keyof ClientToServerEvents;
export type LiveAck<K extends ClientEvent> = Parameters<Parameters<ClientToServerEvents[K]>[1]>[0];

/** The connected socket of this tab, for features that send client events (chat typing, presence, send). */
let current: LiveSocket | undefined;

/**
 * Sends a client event and resolves with the server's ack. Never rejects: offline or no answer
 * in time resolves as an error ack (status 0), so callers handle one failure shape.
 */
export function emitLive<K extends ClientEvent>(event: K, payload: Parameters<ClientToServerEvents[K]>[0]): Promise<LiveAck<K>> {
  return emitOn(current, event, payload);
}

function emitOn<K extends ClientEvent>(
  socket: LiveSocket | undefined,
  event: K,
  payload: Parameters<ClientToServerEvents[K]>[0],
): Promise<LiveAck<K>> {
  const offline = { ok: false, error: { status: 0, title: 'offline' } } as LiveAck<K>;
  if (!socket?.connected) return Promise.resolve(offline);
  return new Promise((resolve) => {
    // socket.io's typings for timed acks add an error first; the event map does not say so.
    const timed = socket.timeout(ACK_TIMEOUT_MS) as unknown as {
      emit(event: K, payload: unknown, ack: (error: unknown, result: LiveAck<K>) => void): void;
    };
    timed.emit(event, payload, (error, result) => resolve(error ? offline : result));
  });
}

/**
 * One socket per tab, authenticated with the in-memory access token. socket.io reconnects
 * on its own (exponential backoff with jitter) after network loss; a handshake refused because
 * the token expired is not retried by socket.io, so we refresh the token and retry ourselves.
 * The socket lives as long as its token: the server asks for a new one before it expires
 * (`session:expiring`), and every refresh hands the new token to the open socket (`session:refresh`).
 */
export function connectLive({ dispatcher, resync }: LiveOptions): () => void {
  // apiBase() is '' in a browser: io(undefined) connects to this site, as before.
  const socket: LiveSocket = io(apiBase() || undefined, {
    path: '/socket.io',
    auth: (send) => send({ token: currentAccessToken() ?? '' }),
    reconnectionDelay: 1000,
    reconnectionDelayMax: MAX_DELAY_MS,
    randomizationFactor: 0.5,
  });
  current = socket;
  let refusals = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  for (const type of dispatcher.types) {
    (socket.on as (event: string, listener: (data: never) => void) => void)(type, (data) => dispatcher.dispatch(type, data));
  }

  // Events sent while this tab was not connected are lost: every connection refetches what is shown.
  // At a start the data layer holds its first loads for this first connection (data-provider.tsx),
  // so they are that refetch, sent once.
  socket.on('connect', () => {
    connectionStore.set('online');
    refusals = 0;
    resync();
  });
  // The server ended the socket (its session ended, or its token expired unrefreshed): socket.io does not
  // retry that by itself. The current token either gets in, or is refused and the refusal refreshes it.
  socket.on('disconnect', (reason) => {
    connectionStore.set('offline');
    if (reason === 'io server disconnect') socket.connect();
  });
  socket.on('session:expiring', () => void refreshSession().catch(() => undefined));
  const stopHandingOver = onSessionChange((session) => {
    if (session) void emitOn(socket, 'session:refresh', { token: session.accessToken });
  });
  socket.on('connect_error', () => {
    connectionStore.set('offline');
    if (socket.active) return; // a transport error: socket.io retries by itself
    const delay = Math.min(MAX_DELAY_MS, 1000 * 2 ** refusals++);
    retryTimer = setTimeout(() => {
      void refreshSession()
        .then((session) => session && socket.connect())
        .catch(() => socket.connect());
    }, delay);
  });

  return () => {
    stopHandingOver();
    clearTimeout(retryTimer);
    if (current === socket) current = undefined;
    socket.disconnect();
    connectionStore.set('connecting');
  };
}

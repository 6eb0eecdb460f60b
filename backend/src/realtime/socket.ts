import type { Server as HttpServer } from 'node:http';
import type { ClientToServerEvents, ServerToClientEvents } from '@panoramix/contracts';
import { createAdapter } from '@socket.io/redis-adapter';
import { Server } from 'socket.io';
import type { Logger } from 'pino';
import type { AuthUser } from '../http/auth-guard.ts';
import type { EventBus } from './event-bus.ts';
import { recipientsOf } from './event-bus.ts';
import { expiryOf, isAllowedOrigin, keepSessionAlive } from './session.ts';

export interface SocketData {
  user: AuthUser;
  /** When the access token this socket last proved itself with expires (ms since the epoch). */
  expiresAt: number;
  /** This tab or device said it is idle (chat presence). */
  away?: boolean;
}

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export const userRoom = (userId: string) => `user:${userId}`;
/** The sockets of one sign-in, so that signing it out disconnects them and no other. */
const sessionRoom = (sessionId: string) => `session:${sessionId}`;

interface RealtimeDeps {
  events: EventBus;
  authenticate: (token: string) => Promise<AuthUser>;
  corsOrigins: string[];
  log: Logger;
  /** node-redis publisher/subscriber pair: events then reach sockets on every API instance. */
  redis?: { pub: unknown; sub: unknown } | undefined;
  /** Features that handle client → server events (the chat); each registers its own listeners once the core's are set. */
  modules?: readonly ((io: RealtimeServer) => void)[];
}

/**
 * Socket.io on the API's HTTP server. A socket proves who it is with the access token in its
 * handshake (`auth.token`), joins `user:<id>`, and receives the domain events addressed to it.
 * Nothing reaches a socket except through the event bus. It lives as long as its token (see
 * session.ts), and `session.ended` disconnects every socket of the user on every instance.
 */
export function attachRealtime(httpServer: HttpServer, deps: RealtimeDeps): RealtimeServer {
  const io: RealtimeServer = new Server(httpServer, {
    cors: { origin: deps.corsOrigins, credentials: true },
    serveClient: false,
    maxHttpBufferSize: 1e6,
    // `cors` only shapes the polling transport's response headers; a WebSocket upgrade is checked here.
    allowRequest: (req, callback) => callback(null, isAllowedOrigin(req, deps.corsOrigins)),
  });
  if (deps.redis) io.adapter(createAdapter(deps.redis.pub, deps.redis.sub));

  io.use(async (socket, next) => {
    const token: unknown = socket.handshake.auth?.token;
    if (typeof token !== 'string' || token.length === 0) return next(new Error('unauthorized: missing access token'));
    try {
      socket.data.user = await deps.authenticate(token);
      socket.data.expiresAt = expiryOf(token);
      next();
    } catch {
      next(new Error('unauthorized: invalid or expired access token'));
    }
  });

  io.on('connection', (socket) => {
    // Joined as soon as the token is checked: a session ended after that check reaches this socket.
    const { id, sessionId } = socket.data.user;
    void socket.join(sessionId ? [userRoom(id), sessionRoom(sessionId)] : userRoom(id));
    keepSessionAlive(socket, deps);
    deps.log.debug({ userId: socket.data.user.id, socketId: socket.id }, 'socket connected');
  });
  for (const register of deps.modules ?? []) register(io);

  deps.events.subscribe((event) => {
    const rooms = recipientsOf(event).map(userRoom);
    if (rooms.length === 0) return; // `io.to([])` would mean everyone
    (io.to(rooms).emit as (type: string, data: unknown) => boolean)(event.type, event.data);
    // The adapter relays this to every instance, as it does the event itself just before.
    if (event.type === 'session.ended') io.in(userRoom(event.userId)).disconnectSockets(true);
    if (event.type === 'session.revoked') io.in(sessionRoom(event.data.sessionId)).disconnectSockets(true);
  });

  return io;
}

import type { IncomingMessage } from 'node:http';
import { sessionClientEvents } from '@panoramix/contracts';
import { decodeJwt } from 'jose';
import type { Logger } from 'pino';
import type { AuthUser } from '../http/auth-guard.ts';
import { forbidden } from '../http/problem.ts';
import { answer } from './ack.ts';
import type { RealtimeServer } from './socket.ts';

type LiveSocket = Parameters<Parameters<RealtimeServer['on']>[1]>[0];

/** How long before its token expires a socket is asked for a new one: a minute, or half of a shorter lifetime. */
export const EXPIRING_LEAD_MS = 60_000;

/**
 * The handshake's `Origin` must be an allowed one (CORS_ORIGINS) or this site itself, so another
 * site's page cannot open a socket. Native clients (Android, scripts) send no Origin and pass.
 */
export function isAllowedOrigin(req: IncomingMessage, allowed: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (allowed.includes(origin)) return true;
  const host = req.headers.host;
  if (!URL.canParse(origin) || !host) return false;
  const url = new URL(origin);
  // Same origin: the web client served by this API, or by nginx, which passes `Host: $host` (no port).
  return url.host === host || url.hostname === host;
}

/** When an access token expires, in ms; only for a token `authenticate` has just verified. */
export const expiryOf = (token: string) => (decodeJwt(token).exp ?? 0) * 1000;

/**
 * A socket lives no longer than its access token: shortly before it expires the socket is asked
 * for a new one (`session:expiring`); a `session:refresh` with a valid token of the same user
 * extends it in place, and without one the server disconnects the socket at expiry.
 */
export function keepSessionAlive(socket: LiveSocket, deps: { authenticate: (token: string) => Promise<AuthUser>; log: Logger }) {
  let timers: ReturnType<typeof setTimeout>[] = [];
  const clear = () => timers.forEach(clearTimeout);
  function schedule() {
    clear();
    const left = socket.data.expiresAt - Date.now();
    const expiresAt = new Date(socket.data.expiresAt).toISOString();
    timers = [
      setTimeout(() => socket.emit('session:expiring', { expiresAt }), left - Math.min(EXPIRING_LEAD_MS, left / 2)),
      setTimeout(() => socket.disconnect(true), left),
    ];
  }
  schedule();
  socket.on('disconnect', clear);

  const event = 'session:refresh';
  answer(socket, { event, schema: sessionClientEvents[event], log: deps.log }, async ({ token }) => {
    const user = await deps.authenticate(token);
    if (user.id !== socket.data.user.id) throw forbidden('This token belongs to another user; open a new socket');
    socket.data.user = user;
    socket.data.expiresAt = expiryOf(token);
    schedule();
    return { expiresAt: new Date(socket.data.expiresAt).toISOString() };
  });
}

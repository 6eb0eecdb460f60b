import type { Session } from '@panoramix/contracts';
import { apiBase, clientHeaders } from '../index.ts';
import { secrets } from './native.ts';

/** One refresh token per server, in the OS keyring (Rust's secret_* commands), never in web storage. */
const key = () => `refresh:${apiBase()}`;

/** The refresh request of a native client: the kept token in the body; no token answers as an ended session. */
export async function refreshRequest(url: string): Promise<Response> {
  const refreshToken = await secrets.get(key());
  if (!refreshToken) return new Response(null, { status: 401 });
  return fetch(url, {
    method: 'POST',
    headers: { ...clientHeaders, 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ refreshToken }),
  });
}

/** The body that lets `logout` revoke this device's sign-in on the server, not only forget it here. */
export async function logoutBody(): Promise<{ refreshToken?: string }> {
  const refreshToken = await secrets.get(key());
  return refreshToken ? { refreshToken } : {};
}

/** Keeps the rotated token of each new session; a session gone (signed out, expired) forgets it. */
export function keepRefreshToken(session: Session | null): Promise<void> {
  if (session === null) return secrets.delete(key());
  return session.refreshToken ? secrets.set(key(), session.refreshToken) : Promise.resolve();
}

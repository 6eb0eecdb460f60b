import type { Session } from '@panoramix/contracts';
import { routes } from 'virtual:panoramix/contracts';
import { REFRESH_LOCK, takeEarlyAnswer } from './early-start.ts';
import { ApiError, NetworkError } from './problem.ts';
import { apiBase, isDesktop } from '../platform/index.ts';

/** On desktop the refresh token is the keyring's, not a cookie's (platform/desktop/session.ts). */
const nativeSession = () => import('../platform/desktop/session.ts');

/**
 * The access token lives only in memory; the refresh token is an httpOnly cookie the script
 * never sees. A refresh rotates that cookie and a reused one revokes the whole session family,
 * so refreshes are single-flight inside a tab (one shared promise) and across tabs (a Web Lock:
 * the second tab waits, then refreshes with the cookie the first one just received).
 */
let accessToken: string | null = null;
let inflight: Promise<Session | null> | null = null;
const listeners = new Set<(session: Session | null) => void>();

export const currentAccessToken = () => accessToken;

export function setSession(session: Session | null): void {
  accessToken = session?.accessToken ?? null;
  if (isDesktop) void nativeSession().then((native) => native.keepRefreshToken(session));
  for (const listener of listeners) listener(session);
}

/** Called with the new session after every refresh, or null when the session is gone. */
export function onSessionChange(listener: (session: Session | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

async function requestRefresh(): Promise<Session | null> {
  let response: Response;
  try {
    const path = routes.auth.refresh.path;
    response = await (isDesktop
      ? nativeSession().then((native) => native.refreshRequest(apiBase() + path))
      : (takeEarlyAnswer(path) ?? fetch(path, { method: 'POST', credentials: 'same-origin' })));
  } catch (error) {
    throw new NetworkError(error);
  }
  if (response.status === 401) return null;
  if (!response.ok) throw await ApiError.from(response);
  return (await response.json()) as Session;
}

async function withRefreshLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  return locks ? await locks.request(REFRESH_LOCK, work) : work();
}

/** What `logout` sends: nothing in a browser (the cookie says it), this device's refresh token on desktop. */
export const logoutBody = (): Promise<{ refreshToken?: string } | undefined> =>
  isDesktop ? nativeSession().then((native) => native.logoutBody()) : Promise.resolve(undefined);

/** A new access token from the refresh cookie; null when the session has expired or was revoked. */
export function refreshSession(): Promise<Session | null> {
  inflight ??= withRefreshLock(requestRefresh)
    .then((session) => {
      setSession(session);
      return session;
    })
    .finally(() => {
      inflight = null;
    });
  return inflight;
}

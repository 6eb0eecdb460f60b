import type { routes as contractRoutes, RouteBodyInput, User } from '@panoramix/contracts';
import { routes } from 'virtual:panoramix/contracts';
import { call } from '../../api/client.ts';
import { onSessionChange, refreshSession, setSession } from '../../api/session-token.ts';
import { createStore, useStore } from '../../lib/store.ts';
import { loadPreferences } from '../../api/preferences-store.ts';

export type SignedOutReason = 'visit' | 'expired' | 'signed-out';

export type SessionState =
  | { phase: 'booting' }
  /** `reason` decides whether sign-in comes back to the current place (not after signing out). */
  | { phase: 'signed-out'; needsSetup: boolean; registrationOpen: boolean; reason: SignedOutReason }
  | { phase: 'signed-in'; user: User };

export const sessionStore = createStore<SessionState>({ phase: 'booting' });
export const useSession = () => useStore(sessionStore);

/** Tells the other tabs of this browser when this one signs in or out. */
const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel('pnx-session');

async function enter(user: User): Promise<void> {
  // Preferences first, so the shell paints in the user's theme and language.
  await loadPreferences().catch(() => undefined);
  sessionStore.set({ phase: 'signed-in', user });
}

const closed = { needsSetup: false, registrationOpen: false };

async function signedOut(reason: SignedOutReason): Promise<void> {
  const status = await call(routes.auth.status).catch(() => closed);
  sessionStore.set({ phase: 'signed-out', ...status, reason });
}

/** On load: the refresh cookie, if still valid, restores the session without a password. */
export async function boot(): Promise<void> {
  const session = await refreshSession().catch(() => null);
  if (session) await enter(session.user);
  else await signedOut('visit');
}

export async function signIn(body: RouteBodyInput<typeof contractRoutes.auth.login>): Promise<void> {
  const session = await call(routes.auth.login, { body });
  setSession(session);
  await enter(session.user);
  channel?.postMessage('signed-in');
}

export async function register(body: RouteBodyInput<typeof contractRoutes.auth.register>): Promise<void> {
  const session = await call(routes.auth.register, { body });
  setSession(session);
  await enter(session.user);
  channel?.postMessage('signed-in');
}

/** The signed-in user as the server now has it (a new display name, a changed password's new session). */
export function replaceSignedInUser(user: User): void {
  if (sessionStore.get().phase === 'signed-in') sessionStore.set({ phase: 'signed-in', user });
}

/**
 * Someone was signed in, so the instance has an account: the sign-in screen shows at once, and
 * learns afterwards whether to offer registration.
 */
function leave() {
  sessionStore.set({ phase: 'signed-out', ...closed, reason: 'signed-out' });
  void call(routes.auth.status).then(
    ({ registrationOpen }) => {
      const state = sessionStore.get();
      if (state.phase === 'signed-out') sessionStore.set({ ...state, registrationOpen });
    },
    () => undefined,
  );
}

/** Signs this tab out; `everywhere` ends every session of the account (other devices, other browsers) too. */
export async function signOut({ everywhere = false } = {}): Promise<void> {
  const ended = everywhere ? call(routes.auth.logoutEverywhere) : call(routes.auth.logout);
  await ended.catch(() => undefined);
  leave(); // before dropping the token, which would otherwise read as an expiry
  setSession(null);
  channel?.postMessage('signed-out');
}

// A refresh that fails while signed in means the session expired or was revoked elsewhere.
onSessionChange((session) => {
  if (!session && sessionStore.get().phase === 'signed-in') void signedOut('expired');
});

channel?.addEventListener('message', (event: MessageEvent<unknown>) => {
  const phase = sessionStore.get().phase;
  if (event.data === 'signed-out' && phase === 'signed-in') {
    leave();
    setSession(null);
  } else if (event.data === 'signed-in' && phase === 'signed-out') {
    void boot();
  }
});

import type { routes as contractRoutes, RouteBodyInput, User } from '@panoramix/contracts';
import { routes } from 'virtual:panoramix/contracts';
import { call } from '../../api/client.ts';
import { logoutBody, onSessionChange, refreshSession, setSession } from '../../api/session-token.ts';
import { createStore, useStore } from '../../lib/store.ts';
import { hasRememberedPreferences, loadPreferences } from '../../api/preferences-store.ts';

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

/**
 * Preferences first, so the shell paints in the user's theme and language; unless this browser
 * remembers them from the last visit (already applied by main.tsx): the server's copy then comes
 * with the shell's first live connection (shell.tsx), read once, after the socket listens for changes.
 */
async function enter(user: User, { rememberedPreferences = false } = {}): Promise<void> {
  if (!rememberedPreferences) await loadPreferences().catch(() => undefined);
  sessionStore.set({ phase: 'signed-in', user });
}

const closed = { needsSetup: false, registrationOpen: false };

async function signedOut(reason: SignedOutReason, asked = call(routes.auth.status)): Promise<void> {
  const status = await asked.catch(() => closed);
  sessionStore.set({ phase: 'signed-out', ...status, reason });
}

/**
 * On load: the refresh cookie, if still valid, restores the session without a password. Each
 * round trip a start waits for is about 600 ms on a phone's slow 4G (bench/src/lighthouse.bench.ts):
 * the status the sign-in screen needs is asked beside the refresh, not after it, and a returning
 * browser's remembered preferences let the shell paint without waiting for the server's.
 */
export async function boot(): Promise<void> {
  const status = call(routes.auth.status);
  status.catch(() => undefined); // read by signedOut only when there is no session
  const session = await refreshSession().catch(() => null);
  if (session) await enter(session.user, { rememberedPreferences: hasRememberedPreferences() });
  else await signedOut('visit', status);
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
  const ended = everywhere ? call(routes.auth.logoutEverywhere) : logoutBody().then((body) => call(routes.auth.logout, { body }));
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

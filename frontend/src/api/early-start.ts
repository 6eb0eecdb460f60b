import { routes } from 'virtual:panoramix/contracts';

/**
 * The start's first requests, sent as soon as the page's HTML is parsed rather than once the app's
 * 100 KB of scripts have arrived: about 1.2 s sooner on Lighthouse's phone (slow 4G), where each
 * round trip the first paint waits for costs some 600 ms (bench/src/lighthouse.bench.ts). This
 * module is a chunk of its own that index.html runs `async` (vite/preload-plugin.ts), so it
 * imports nothing but its route groups; the app takes each answer once, through client.ts and
 * session-token.ts, or asks itself when an answer is not there (a later request, a development build).
 *
 * Sent: the session refresh and the sign-in screen's status; and, after a successful refresh on a
 * browser that remembers nothing (a first visit, cleared storage), the preferences and Accueil's
 * overview, which that first paint waits for.
 *
 * index.html holds this chunk inline (vite/preload-plugin.ts), so that it runs as the HTML is parsed,
 * and the app imports the same chunk as a file: two copies of the module, which share one state on
 * the window (the answers, whether the requests went), so that only the first one sends them.
 */

/** The Web Lock every refresh of this browser's tabs takes: a refresh cookie must not be used twice. */
export const REFRESH_LOCK = 'pnx-auth-refresh';
/** Where the preferences of the last visit are kept (preferences-store.ts). */
export const PREFERENCES_KEY = 'pnx.preferences';
/** Accueil's first-start request, as client.ts spells it (early-start.test.ts in features/dashboard). */
export const EARLY_DASHBOARD_URL = `${routes.dashboard.get.path}?window=7d`;

interface EarlyStart {
  answers: Map<string, Promise<Response>>;
  started: boolean;
}
const shared = window as unknown as { __panoramixEarlyStart?: EarlyStart };
const state = (shared.__panoramixEarlyStart ??= { answers: new Map(), started: false });
const { answers } = state;

/** The early answer to `url`, once: a second call, or a request this module did not send, gets undefined. */
export function takeEarlyAnswer(url: string): Promise<Response> | undefined {
  const answer = answers.get(url);
  answers.delete(url);
  return answer;
}

function send(url: string, init: RequestInit = {}): Promise<Response> {
  const answer = fetch(url, { credentials: 'same-origin', ...init, headers: { accept: 'application/json', ...init.headers } });
  answer.catch(() => undefined); // a failure is the taker's to handle
  answers.set(url, answer);
  return answer;
}

/** Sends the start's requests; index.html's copy of this module does it as it loads (see the end). */
export function sendEarlyRequests(): void {
  send(routes.auth.status.path);
  const refresh = () => send(routes.auth.refresh.path, { method: 'POST' });
  // The lock's callback result comes back awaited: a Response (the DOM typings say Response | Promise).
  const refreshed = (navigator.locks ? navigator.locks.request(REFRESH_LOCK, refresh) : refresh()) as Promise<Response>;
  if (localStorage.getItem(PREFERENCES_KEY) !== null) return;
  void refreshed
    .then((response) => (response.ok ? (response.clone().json() as Promise<{ accessToken: string }>) : undefined))
    .then((session) => {
      if (!session) return;
      const headers = { authorization: `Bearer ${session.accessToken}` };
      send(routes.preferences.get.path, { headers });
      send(EARLY_DASHBOARD_URL, { headers });
    })
    .catch(() => undefined);
}

// The dev server and the unit tests ask as they always did. The desktop app's API is on another
// server, known only once its saved choice is read (platform/desktop/start.ts): it asks then. The
// test is platform/index.ts's isDesktop, spelled out so that this chunk still imports nothing.
if (!state.started) {
  state.started = true;
  if (import.meta.env.PROD && !('__TAURI_INTERNALS__' in window)) sendEarlyRequests();
  // The page's first Intl formatter loads ICU's data: 40–60 ms in Chromium here (later ones take 1–3 ms),
  // four times that on Lighthouse's phone, and it fell in Accueil's first render (ui/format.ts). Made
  // now, in a task of its own after the requests have gone, it runs while the app's scripts download.
  setTimeout(() => new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full' }).format(0));
}

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { refreshSession } from '../../api/session-token.ts';
import { boot, sessionStore, signIn, signOut } from './session-store.ts';

const user = {
  id: 'a'.repeat(24),
  username: 'ada',
  displayName: 'Ada',
  role: 'admin',
  disabled: false,
  createdAt: '2026-01-01T00:00:00.000Z',
};
const preferences = { theme: 'dark', language: 'fr', density: 'compact', startTab: 'home', timeZone: null };

/** A fake API: sign-in works, refresh is refused (the cookie expired), status says an account exists. */
const answers: Record<string, [number, unknown]> = {
  '/api/auth/login': [200, { accessToken: 't1', expiresIn: 900, user }],
  '/api/auth/refresh': [401, { title: 'Unauthorized', status: 401 }],
  '/api/auth/logout': [200, { ok: true }],
  '/api/auth/logout-all': [200, { ok: true }],
  '/api/auth/status': [200, { needsSetup: false, registrationOpen: true }],
  '/api/preferences': [200, preferences],
};

beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const [status, body] = answers[url] ?? [404, {}];
      return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

const settled = () => vi.waitFor(() => expect(sessionStore.get().phase).not.toBe('signed-in'));

describe('session store', () => {
  it('signing in loads the preferences, then opens the shell', async () => {
    await signIn({ username: 'ada', password: 'pw' });
    expect(sessionStore.get()).toEqual({ phase: 'signed-in', user });
    expect(JSON.parse(localStorage.getItem('pnx.preferences') ?? '{}')).toMatchObject({ theme: 'dark', density: 'compact' });
  });

  it('a refused refresh while signed in reads as an expired session', async () => {
    await signIn({ username: 'ada', password: 'pw' });
    await refreshSession();
    await settled();
    await expect
      .poll(() => sessionStore.get())
      .toEqual({ phase: 'signed-out', needsSetup: false, registrationOpen: true, reason: 'expired' });
  });

  it('signing out is not an expiry: the login will not bring the user back to the same place, and offers registration while open', async () => {
    await signIn({ username: 'ada', password: 'pw' });
    await signOut();
    await settled();
    await expect
      .poll(() => sessionStore.get())
      .toEqual({ phase: 'signed-out', needsSetup: false, registrationOpen: true, reason: 'signed-out' });
  });

  it('signing out everywhere asks the server to end every session, then signs this tab out', async () => {
    await signIn({ username: 'ada', password: 'pw' });
    await signOut({ everywhere: true });
    await settled();
    expect(vi.mocked(fetch).mock.calls.map(([url]) => url)).toContain('/api/auth/logout-all');
    await expect
      .poll(() => sessionStore.get())
      .toEqual({ phase: 'signed-out', needsSetup: false, registrationOpen: true, reason: 'signed-out' });
  });

  describe('at load', () => {
    const requested = () => vi.mocked(fetch).mock.calls.map(([url]) => String(url));
    /** The fake API, with `url` answered only when the returned function is called. */
    function holding(url: string, answer: [number, unknown] = answers[url]!) {
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      vi.mocked(fetch).mockImplementation(async (input) => {
        const [status, body] = String(input) === url ? (await held, answer) : (answers[String(input)] ?? [404, {}]);
        return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
      });
      return release;
    }
    afterEach(() => localStorage.clear());

    it('asks the sign-in screen’s status beside the refresh, not once it is refused', async () => {
      const answerRefresh = holding('/api/auth/refresh');
      const booting = boot();
      await vi.waitFor(() => expect(requested()).toContain('/api/auth/status'));
      answerRefresh();
      await booting;
      expect(sessionStore.get()).toEqual({ phase: 'signed-out', needsSetup: false, registrationOpen: true, reason: 'visit' });
    });

    it('opens the shell of a returning browser without asking the server’s preferences (its first connection does)', async () => {
      localStorage.setItem('pnx.preferences', JSON.stringify(preferences));
      const answerPreferences = holding('/api/preferences');
      answers['/api/auth/refresh'] = [200, { accessToken: 't2', expiresIn: 900, user }];
      try {
        await boot();
        expect(sessionStore.get()).toEqual({ phase: 'signed-in', user });
        expect(requested()).not.toContain('/api/preferences');
      } finally {
        answers['/api/auth/refresh'] = [401, { title: 'Unauthorized', status: 401 }];
        answerPreferences();
      }
    });
  });
});

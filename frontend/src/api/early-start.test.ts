import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { routes } from 'virtual:panoramix/contracts';
import { call } from './client.ts';
import { EARLY_DASHBOARD_URL, PREFERENCES_KEY, sendEarlyRequests, takeEarlyAnswer } from './early-start.ts';
import { refreshSession, setSession } from './session-token.ts';
import { testSession } from './test-session.ts';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const session = testSession('early-token');

const fetchMock = vi.fn<typeof fetch>();
const asked = () => fetchMock.mock.calls.map(([url, init]) => `${init?.method ?? 'GET'} ${String(url)}`);
const authOf = (url: string) =>
  (fetchMock.mock.calls.find(([asked]) => asked === url)?.[1]?.headers as Record<string, string>).authorization;

beforeEach(() => {
  vi.stubGlobal('fetch', fetchMock);
  fetchMock.mockImplementation(async (url, init) => {
    if (init?.method === 'POST') return json(200, session);
    if (url === routes.preferences.get.path) return json(200, { theme: 'dark' });
    return json(200, { from: String(url) });
  });
  setSession(null);
  localStorage.clear();
});
afterEach(() => {
  vi.unstubAllGlobals();
  fetchMock.mockReset();
  for (const url of [routes.auth.status.path, routes.auth.refresh.path, routes.preferences.get.path, EARLY_DASHBOARD_URL]) {
    takeEarlyAnswer(url);
  }
});

/** The early refresh's answer has been read and what follows it has left: four requests. */
const allSent = () => vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(4));

describe('the early start', () => {
  it('on a browser that remembers nothing, asks the preferences and the overview with the refreshed token', async () => {
    sendEarlyRequests();
    await allSent();
    expect(asked()).toEqual([
      `GET ${routes.auth.status.path}`,
      `POST ${routes.auth.refresh.path}`,
      `GET ${routes.preferences.get.path}`,
      `GET ${EARLY_DASHBOARD_URL}`,
    ]);
    expect(authOf(EARLY_DASHBOARD_URL)).toBe('Bearer early-token');
  });

  it('asks only the refresh and the status when the last visit’s preferences are remembered', async () => {
    localStorage.setItem(PREFERENCES_KEY, '{}');
    sendEarlyRequests();
    await refreshSession();
    expect(asked()).toEqual([`GET ${routes.auth.status.path}`, `POST ${routes.auth.refresh.path}`]);
  });

  it('asks nothing more when the refresh is refused (signed out)', async () => {
    fetchMock.mockImplementation(async (_url, init) => (init?.method === 'POST' ? json(401, {}) : json(200, {})));
    sendEarlyRequests();
    await expect(refreshSession()).resolves.toBeNull();
    expect(asked()).toEqual([`GET ${routes.auth.status.path}`, `POST ${routes.auth.refresh.path}`]);
  });

  it('the app takes each answer once: the refresh is not sent twice (its cookie rotates), a later read goes out', async () => {
    sendEarlyRequests();
    await allSent();
    await expect(refreshSession()).resolves.toMatchObject({ accessToken: 'early-token' });
    await expect(call(routes.preferences.get)).resolves.toEqual({ theme: 'dark' });
    expect(asked().filter((request) => request.startsWith('POST'))).toHaveLength(1);
    expect(asked().filter((request) => request === `GET ${routes.preferences.get.path}`)).toHaveLength(1);

    await call(routes.preferences.get);
    expect(asked().filter((request) => request === `GET ${routes.preferences.get.path}`)).toHaveLength(2);
  });

  it('an early request that failed on the network is sent again by the app', async () => {
    localStorage.setItem(PREFERENCES_KEY, '{}');
    fetchMock.mockRejectedValueOnce(new TypeError('offline'));
    sendEarlyRequests();
    await refreshSession();
    fetchMock.mockResolvedValueOnce(json(200, { registrationOpen: false, needsSetup: false }));
    await expect(call(routes.auth.status)).resolves.toEqual({ registrationOpen: false, needsSetup: false });
    expect(asked().filter((request) => request === `GET ${routes.auth.status.path}`)).toHaveLength(2);
  });

  it('the copy index.html runs inline and the app’s copy of the module share their answers', async () => {
    sendEarlyRequests();
    await allSent();
    vi.resetModules();
    const appCopy = await import('./early-start.ts');
    expect(appCopy.takeEarlyAnswer(routes.auth.status.path)).toBeDefined();
    expect(takeEarlyAnswer(routes.auth.status.path)).toBeUndefined(); // taken once, whichever copy asks
  });
});

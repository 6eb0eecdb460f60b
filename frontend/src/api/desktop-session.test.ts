import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { routes } from 'virtual:panoramix/contracts';
import { call } from './client.ts';
import { logoutBody, refreshSession, setSession } from './session-token.ts';
import { testSession } from './test-session.ts';

// The desktop app, mocked at the platform's boundary: a chosen server, and the OS keyring (Rust's secret_*).
const SERVER = 'https://panoramix.example.org';
vi.mock('../platform/index.ts', () => ({
  isDesktop: true,
  apiBase: () => SERVER,
  clientHeaders: { 'x-client': 'native' },
}));
const keyring = vi.hoisted(() => new Map<string, string>());
vi.mock('../platform/desktop/native.ts', () => ({
  secrets: {
    get: (key: string) => Promise.resolve(keyring.get(key) ?? null),
    set: (key: string, value: string) => Promise.resolve(void keyring.set(key, value)),
    delete: (key: string) => Promise.resolve(void keyring.delete(key)),
  },
}));

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const fetchMock = vi.fn<typeof fetch>();
const KEY = `refresh:${SERVER}`;

beforeEach(() => {
  keyring.clear();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  vi.unstubAllGlobals();
  fetchMock.mockReset();
});

describe('the desktop app', () => {
  it('sends every call to the chosen server as a native client', async () => {
    setSession(testSession('a1'));
    fetchMock.mockResolvedValueOnce(json(200, { items: [], nextCursor: null }));
    await call(routes.links.list, { query: {} });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe(`${SERVER}/api/links`);
    expect(init?.headers).toMatchObject({ 'x-client': 'native', authorization: 'Bearer a1' });
  });

  it('keeps the refresh token of a new session in the keyring, per server', async () => {
    setSession({ ...testSession('a1'), refreshToken: 'r1' });
    await vi.waitFor(() => expect(keyring.get(KEY)).toBe('r1'));
  });

  it('refreshes with the kept token in the body, and keeps the rotated one', async () => {
    keyring.set(KEY, 'r1');
    fetchMock.mockResolvedValueOnce(json(200, { ...testSession('a2'), refreshToken: 'r2' }));
    const session = await refreshSession();
    expect(session?.accessToken).toBe('a2');
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe(`${SERVER}/api/auth/refresh`);
    expect(init?.headers).toMatchObject({ 'x-client': 'native' });
    expect(JSON.parse(String(init?.body))).toEqual({ refreshToken: 'r1' });
    await vi.waitFor(() => expect(keyring.get(KEY)).toBe('r2'));
  });

  it('has no session to restore when the keyring holds no token, without asking the server', async () => {
    await expect(refreshSession()).resolves.toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('revokes this device on sign-out with its token, then forgets it', async () => {
    keyring.set(KEY, 'r1');
    await expect(logoutBody()).resolves.toEqual({ refreshToken: 'r1' });
    setSession(null);
    await vi.waitFor(() => expect(keyring.has(KEY)).toBe(false));
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { routes } from 'virtual:panoramix/contracts';
import { routeUrl } from '@panoramix/contracts/route-url';
import { call } from './client.ts';
import { ApiError } from './problem.ts';
import { currentAccessToken, onSessionChange, setSession } from './session-token.ts';
import { testSession } from './test-session.ts';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const session = testSession;

const fetchMock = vi.fn<typeof fetch>();
beforeEach(() => {
  vi.stubGlobal('fetch', fetchMock);
  setSession(session('old'));
});
afterEach(() => {
  vi.unstubAllGlobals();
  fetchMock.mockReset();
});

const authOf = (index: number) => (fetchMock.mock.calls[index]?.[1]?.headers as Record<string, string>).authorization;

describe('routeUrl', () => {
  it('fills path parameters and drops undefined query values', () => {
    expect(routeUrl('/api/links/:id', { id: 'a b' }, { limit: 5, cursor: undefined })).toBe('/api/links/a%20b?limit=5');
  });

  it('refuses a missing path parameter', () => {
    expect(() => routeUrl('/api/links/:id', {})).toThrow(/missing path parameter id/);
  });
});

describe('call', () => {
  it('sends the access token and JSON body, and returns the parsed answer', async () => {
    fetchMock.mockResolvedValueOnce(json(201, { id: '1' }));
    await expect(call(routes.links.create, { body: { name: 'Docs', url: 'docs.test' } })).resolves.toEqual({ id: '1' });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/links');
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe(JSON.stringify({ name: 'Docs', url: 'docs.test' }));
    expect(authOf(0)).toBe('Bearer old');
  });

  it('on a 401 refreshes once for concurrent calls, then replays each with the new token', async () => {
    fetchMock.mockImplementation(async (input, init) => {
      if (input === '/api/auth/refresh') return json(200, session('new'));
      const token = (init?.headers as Record<string, string>).authorization;
      return token === 'Bearer new' ? json(200, { items: [], nextCursor: null }) : json(401, { title: 'Unauthorized' });
    });
    await Promise.all([call(routes.links.list, { query: {} }), call(routes.preferences.get), call(routes.auth.me)]);
    expect(fetchMock.mock.calls.filter(([input]) => input === '/api/auth/refresh')).toHaveLength(1);
    expect(currentAccessToken()).toBe('new');
  });

  it('ends the session when the refresh is refused, and reports the 401', async () => {
    const listener = vi.fn();
    const stop = onSessionChange(listener);
    fetchMock.mockImplementation(async () => json(401, { title: 'Unauthorized', status: 401 }));
    const failure = await call(routes.auth.me).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).status).toBe(401);
    expect(listener).toHaveBeenCalledWith(null);
    stop();
  });

  it('does not refresh for public routes: a wrong password is just a 401', async () => {
    fetchMock.mockResolvedValueOnce(json(401, { title: 'Unauthorized', status: 401 }));
    await expect(call(routes.auth.login, { body: { username: 'a', password: 'b' } })).rejects.toBeInstanceOf(ApiError);
    expect(fetchMock).toHaveBeenCalledOnce();
  });

  it('reads Retry-After on a 429 and field errors from the problem', async () => {
    fetchMock.mockResolvedValueOnce(
      json(
        429,
        { title: 'Too many requests', status: 429, errors: [{ path: 'body.username', message: 'slow down' }] },
        { 'retry-after': '42' },
      ),
    );
    const failure = (await call(routes.auth.login, { body: { username: 'a', password: 'b' } }).catch(
      (e: unknown) => e,
    )) as ApiError;
    expect(failure.retryAfterSeconds).toBe(42);
    expect(failure.fieldError('username')).toBe('slow down');
  });
});

describe('failures, in the user’s language', () => {
  it('turns a refusal into its French text, fields included', async () => {
    fetchMock.mockResolvedValueOnce(
      json(400, {
        type: 'urn:panoramix:problem:validation-error',
        title: 'Invalid input',
        status: 400,
        detail: 'body.url: must be an http(s) address',
        errors: [{ path: 'body.url', message: 'must be an http(s) address' }],
      }),
    );
    const error = await call(routes.links.create, { body: { name: 'Docs', url: 'ftp://x' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toBe('Doit être une adresse http(s).');
    expect((error as ApiError).fieldError('url')).toBe('doit être une adresse http(s)');
  });

  it('says the service is unavailable for a proxy’s 502 page, which has no problem body', async () => {
    fetchMock.mockResolvedValueOnce(
      new Response('<html>Bad Gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }),
    );
    await expect(call(routes.links.list, { query: {} })).rejects.toThrow(
      'Ce service est momentanément indisponible. Réessayez plus tard.',
    );
  });

  it('says the server cannot be reached when the request fails on the way', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(call(routes.links.list, { query: {} })).rejects.toThrow('Le serveur est injoignable. Vérifiez votre connexion.');
  });

  it('refuses a write while the browser is offline, without sending it, and still reads', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    await expect(call(routes.links.create, { body: { name: 'Docs', url: 'https://docs.test' } })).rejects.toThrow(
      /^Vous êtes hors ligne : rien n’a été enregistré/,
    );
    expect(fetchMock).not.toHaveBeenCalled();
    fetchMock.mockResolvedValueOnce(json(200, { items: [], nextCursor: null }));
    await expect(call(routes.links.list, { query: {} })).resolves.toEqual({ items: [], nextCursor: null });
  });
});

import { routes } from '@panoramix/contracts';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from './harness.ts';
import type { TestApp, TestUser } from './harness.ts';

// The desktop app's page (the bundled web build in Tauri's web view) calls a server of another origin.
// An operator who lists their own CORS_ORIGINS must not lock it out, hence this setting.
let app: TestApp;
let user: TestUser;
beforeAll(async () => {
  app = await startTestApp({ CORS_ORIGINS: 'https://panoramix.example.org' });
  user = await app.newUser();
});
afterAll(() => app.close());

const DESKTOP = ['tauri://localhost', 'http://tauri.localhost'];

const preflight = (origin: string, path: string) =>
  fetch(app.baseUrl + path, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization,content-type,x-client',
    },
  });

const connect = (origin: string) =>
  new Promise<'connected' | 'refused'>((resolve) => {
    const socket = io(app.baseUrl, {
      auth: { token: user.token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      extraHeaders: { origin },
    });
    socket.once('connect', () => {
      socket.disconnect();
      resolve('connected');
    });
    socket.once('connect_error', () => resolve('refused'));
  });

describe('the desktop app’s origins', () => {
  it.each(DESKTOP)('%s may call the API with the native client’s headers, beside the configured origins', async (origin) => {
    const answer = await preflight(origin, routes.auth.refresh.path);
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBe(origin);
    expect(answer.headers.get('access-control-allow-headers')?.split(',')).toContain('x-client');
    expect(
      (await preflight('https://panoramix.example.org', routes.auth.refresh.path)).headers.get('access-control-allow-origin'),
    ).toBe('https://panoramix.example.org');
  });

  it.each(DESKTOP)('%s signs in as a native client and gets its refresh token in the body', async (origin) => {
    const answer = await fetch(app.baseUrl + routes.auth.login.path, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json', 'x-client': 'native' },
      body: JSON.stringify({ username: user.username, password: user.password }),
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe(origin);
    expect(((await answer.json()) as { refreshToken?: string }).refreshToken).toEqual(expect.any(String));
  });

  it('opens the live socket from the desktop app, and still refuses a foreign page', async () => {
    for (const origin of DESKTOP) expect(await connect(origin)).toBe('connected');
    expect(await connect('https://evil.example')).toBe('refused');
    const foreign = await preflight('https://evil.example', routes.auth.refresh.path);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });
});

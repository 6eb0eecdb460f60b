import { randomBytes } from 'node:crypto';
import { routes } from '@panoramix/contracts';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenService } from '../modules/auth/tokens.ts';
import { byId, nextEvent, recordEvents, settle, startTestApp } from '../../test/harness.ts';
import type { TestApp, TestUser } from '../../test/harness.ts';

const jwtSecret = randomBytes(32).toString('hex');
let app: TestApp;
let admin: TestUser;
beforeAll(async () => {
  app = await startTestApp({ JWT_SECRET: jwtSecret });
  admin = await app.newUser(); // the first account is the admin
});
afterAll(() => app.close());

/** An access token of `user`, signed by the server's own token service, expiring in `seconds` (whole seconds, as JWTs count). */
const shortToken = (user: TestUser, seconds: number) =>
  createTokenService({ secret: jwtSecret, accessTtlSeconds: seconds, refreshTtlDays: 1 }).signAccess({
    sub: user.id,
    username: user.username,
    role: 'user',
    epoch: 0,
  });

/** Emits with an ack and resolves with the ack, or with 'no answer' when none comes in time. */
const ask = (socket: Socket, event: string, payload: unknown) =>
  new Promise<any>((resolve) =>
    (socket.timeout(1000).emit as (e: string, p: unknown, ack: (error: unknown, r: unknown) => void) => void)(
      event,
      payload,
      (error, result) => resolve(error ? 'no answer' : result),
    ),
  );

/** A pair in a direct room, each with a socket: `ann` is the one whose session the test ends. */
async function pair() {
  const [ann, ben] = [await app.newUser(), await app.newUser()];
  const room = (await ann.call(routes.rooms.create, { body: { type: 'direct', memberIds: [ben.id] } })).body.id;
  const [annSocket, benSocket] = [await app.socket(ann.token), await app.socket(ben.token)];
  return { ann, ben, room, annSocket, benSocket };
}

/** After its session ended: the socket cannot come back with its token, so nothing it sends gets through. */
async function expectCutOff(socket: Socket, room: string, ben: Socket) {
  const benLog = recordEvents(ben);
  const refused = nextEvent<Error>(socket, 'connect_error');
  socket.connect(); // the same handshake token as before
  expect((await refused).message).toMatch(/unauthorized/);
  expect(await ask(socket, 'message:send', { roomId: room, clientId: 'after-the-end-1', text: 'still here?' })).toBe('no answer');
  await settle();
  expect(benLog.filter((e) => e.type === 'message:new')).toEqual([]);
}

describe('a socket whose session ends', () => {
  it('is disconnected when its user changes the password, and cannot send any more', async () => {
    const { ann, room, annSocket, benSocket } = await pair();
    const annLog = recordEvents(annSocket);
    const cut = nextEvent(annSocket, 'disconnect');
    const changed = await ann.call(routes.auth.changePassword, {
      body: { currentPassword: ann.password, newPassword: 'a-brand-new-one' },
    });
    expect(changed.status).toBe(200);
    expect(await cut).toBe('io server disconnect');
    expect(annLog).toContainEqual({ type: 'session.ended', data: { reason: 'password-changed' } });
    expect(benSocket.connected).toBe(true); // only ann's sockets go
    await expectCutOff(annSocket, room, benSocket);
    // The tab that changed the password has a new token and reconnects with it.
    await expect(app.socket(changed.body.accessToken)).resolves.toMatchObject({ connected: true });
  });

  it('is disconnected when its user signs out everywhere, on every tab', async () => {
    const { ann, room, annSocket, benSocket } = await pair();
    const secondTab = await app.socket(ann.token);
    const cut = Promise.all([nextEvent(annSocket, 'disconnect'), nextEvent(secondTab, 'disconnect')]);
    expect((await ann.call(routes.auth.logoutEverywhere)).status).toBe(200);
    expect(await cut).toEqual(['io server disconnect', 'io server disconnect']);
    expect(benSocket.connected).toBe(true);
    await expectCutOff(annSocket, room, benSocket);
  });

  it('is disconnected when an admin disables the account', async () => {
    const { ann, room, annSocket, benSocket } = await pair();
    const secondTab = await app.socket(ann.token);
    const cut = Promise.all([nextEvent(annSocket, 'disconnect'), nextEvent(secondTab, 'disconnect')]);
    expect((await admin.call(routes.users.update, { ...byId(ann.id), body: { disabled: true } })).status).toBe(200);
    expect(await cut).toEqual(['io server disconnect', 'io server disconnect']);
    await expectCutOff(annSocket, room, benSocket);
  });

  it('is asked for a new token, then disconnected when its token expires unrefreshed', async () => {
    const { ann, room, benSocket } = await pair();
    const expiring = await app.socket(await shortToken(ann, 2));
    const asked = await nextEvent<{ expiresAt: string }>(expiring, 'session:expiring', 3000);
    expect(Date.parse(asked.expiresAt)).toBeGreaterThan(Date.now());
    expect(await nextEvent(expiring, 'disconnect', 3000)).toBe('io server disconnect');
    await expectCutOff(expiring, room, benSocket);
  });
});

describe('session:refresh', () => {
  it('keeps the socket alive past its first token’s expiry, without reconnecting', async () => {
    const { ann, ben, room } = await pair();
    const token = await shortToken(ann, 2);
    const [refreshed, control] = [await app.socket(token), await app.socket(token)];
    await nextEvent(refreshed, 'session:expiring', 3000);
    const ack = await ask(refreshed, 'session:refresh', { token: ann.token });
    expect(ack).toMatchObject({ ok: true, data: { expiresAt: expect.any(String) } });
    expect(Date.parse(ack.data.expiresAt)).toBeGreaterThan(Date.now() + 60_000);

    expect(await nextEvent(control, 'disconnect', 3000)).toBe('io server disconnect'); // the first token is over now
    expect(refreshed.connected).toBe(true);
    const received = nextEvent(refreshed, 'message:new');
    await ben.call(routes.messages.send, { ...byId(room), body: { clientId: 'after-refresh-1', text: 'still there?' } });
    expect(await received).toMatchObject({ text: 'still there?' });
    expect(await ask(refreshed, 'message:send', { roomId: room, clientId: 'after-refresh-2', text: 'yes' })).toMatchObject({
      ok: true,
    });
  });

  it('refuses an invalid token or another user’s, and leaves the socket as it was', async () => {
    const { ann, ben, annSocket } = await pair();
    expect(await ask(annSocket, 'session:refresh', { token: 'not-a-token' })).toMatchObject({
      ok: false,
      error: { status: 401 },
    });
    expect(await ask(annSocket, 'session:refresh', { token: ben.token })).toMatchObject({ ok: false, error: { status: 403 } });
    expect(await ask(annSocket, 'session:refresh', {})).toMatchObject({ ok: false, error: { status: 400 } });
    expect(annSocket.connected).toBe(true);
    expect(ann.id).not.toBe(ben.id);
  });
});

describe('the handshake', () => {
  const connect = (token: string, origin?: string) =>
    new Promise<string>((resolve) => {
      const socket = io(app.baseUrl, {
        auth: { token },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        ...(origin ? { extraHeaders: { origin } } : {}),
      });
      socket.once('connect', () => {
        socket.disconnect();
        resolve('connected');
      });
      socket.once('connect_error', () => resolve('refused'));
    });

  it('refuses a foreign Origin, accepts an allowed one, this site’s own, and none (native clients)', async () => {
    const user = await app.newUser();
    expect(await connect(user.token, 'https://evil.example')).toBe('refused');
    expect(await connect(user.token, 'http://localhost:5173')).toBe('connected'); // in CORS_ORIGINS by default
    expect(await connect(user.token, app.baseUrl)).toBe('connected');
    expect(await connect(user.token)).toBe('connected');
  });
});

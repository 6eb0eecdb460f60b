import { createECDH, createDecipheriv, hkdfSync, randomBytes, verify } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pushPayload, routes } from '@panoramix/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byId, expectProblem, useTeam } from '../../../test/harness.ts';
import type { TestUser } from '../../../test/harness.ts';

const t = useTeam({ OUTBOUND_ALLOW_ADDRESSES: '127.0.0.1', ALARMS_SCAN_MS: '200' });

interface Delivery {
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/**
 * A push service on 127.0.0.1, as a UnifiedPush distributor's or a browser's: it takes the POSTs of
 * RFC 8030 at /<device> and answers 201, or 410 for a device it forgot (/gone-…).
 */
let service: http.Server;
let base = '';
const deliveries = new Map<string, Delivery[]>();
const waiting = new Map<string, () => void>();
beforeAll(async () => {
  service = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const device = (req.url ?? '').slice(1);
      res.writeHead(device.startsWith('gone-') ? 410 : 201).end();
      deliveries.set(device, [...(deliveries.get(device) ?? []), { headers: req.headers, body: Buffer.concat(chunks) }]);
      waiting.get(device)?.();
    });
  });
  await new Promise<void>((resolve) => service.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(service.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => service.close(resolve)));

let devices = 0;
/** A device: its push address and, when it encrypts, its keys (RFC 8291), as a phone's push client makes them. */
function newDevice(encrypted = true, prefix = 'device') {
  const name = `${prefix}-${++devices}`;
  const ecdh = createECDH('prime256v1');
  const publicKey = ecdh.generateKeys();
  const auth = randomBytes(16);
  const keys = encrypted ? { p256dh: publicKey.toString('base64url'), auth: auth.toString('base64url') } : null;
  return { name, endpoint: `${base}/${name}`, keys, ecdh, auth };
}
type Device = ReturnType<typeof newDevice>;

/** Pushes already handed to the test, per device. */
const read = new Map<string, number>();
/** The device's next push not handed out yet: one that came before this call included. */
function nextPush(device: Device) {
  return new Promise<Delivery>((resolve, reject) => {
    // As long as a slow CI machine may take to deliver: a missing push fails the test, a late one does not.
    const timer = setTimeout(() => reject(new Error(`no push to ${device.name}`)), 15_000);
    const check = () => {
      const index = read.get(device.name) ?? 0;
      const delivery = deliveries.get(device.name)?.[index];
      if (!delivery) return;
      clearTimeout(timer);
      waiting.delete(device.name);
      read.set(device.name, index + 1);
      resolve(delivery);
    };
    waiting.set(device.name, check);
    check();
  });
}

/** What the device reads: RFC 8291 decryption of an aes128gcm body (RFC 8188), as its push client does. */
function decrypt(device: Device, body: Buffer) {
  const salt = body.subarray(0, 16);
  const idLength = body.readUInt8(20);
  const serverKey = body.subarray(21, 21 + idLength);
  const cipherText = body.subarray(21 + idLength);
  const shared = device.ecdh.computeSecret(serverKey);
  const info = Buffer.concat([Buffer.from('WebPush: info\0'), device.ecdh.getPublicKey(), serverKey]);
  const ikm = Buffer.from(hkdfSync('sha256', shared, device.auth, info, 32));
  const key = Buffer.from(hkdfSync('sha256', ikm, salt, 'Content-Encoding: aes128gcm\0', 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, 'Content-Encoding: nonce\0', 12));
  const decipher = createDecipheriv('aes-128-gcm', key, nonce);
  decipher.setAuthTag(cipherText.subarray(-16));
  const padded = Buffer.concat([decipher.update(cipherText.subarray(0, -16)), decipher.final()]);
  return pushPayload.parse(JSON.parse(padded.subarray(0, padded.lastIndexOf(2)).toString('utf8')));
}

/** The VAPID claim (RFC 8292) checked as a push service checks it: signed by the instance's key, for this origin. */
function checkVapid(headers: http.IncomingHttpHeaders, publicKey: string) {
  const [, token, key] = /^vapid t=([^,]+), k=(.+)$/.exec(String(headers.authorization)) ?? [];
  expect(key).toBe(publicKey);
  const [header, claims, signature] = token!.split('.');
  const raw = Buffer.from(publicKey, 'base64url');
  const jwk = {
    kty: 'EC',
    crv: 'P-256',
    x: raw.subarray(1, 33).toString('base64url'),
    y: raw.subarray(33).toString('base64url'),
  };
  const signed = Buffer.from(`${header}.${claims}`);
  expect(
    verify('sha256', signed, { key: jwk, format: 'jwk', dsaEncoding: 'ieee-p1363' }, Buffer.from(signature!, 'base64url')),
  ).toBe(true);
  expect(JSON.parse(Buffer.from(claims!, 'base64url').toString())).toMatchObject({
    aud: base,
    sub: expect.stringMatching(/^mailto:/),
  });
}

const register = async (user: TestUser, device: Device) => {
  const res = await user.call(routes.push.register, { body: { endpoint: device.endpoint, keys: device.keys } });
  expect(res.status).toBe(201);
  return res.body;
};
const endpointsOf = async (user: TestUser) => (await user.call(routes.push.list)).body.items.map((s) => s.endpoint);
const say = (user: TestUser, roomId: string, text: string) =>
  user.call(routes.messages.send, { ...byId(roomId), body: { clientId: `c-${randomBytes(4).toString('hex')}`, text } });

describe('push subscriptions', () => {
  it('require a session', async () => {
    expectProblem(await t.app.client().call(routes.push.list), 401);
    expectProblem(await t.app.client().call(routes.push.register, { body: { endpoint: `${base}/x` } }), 401);
  });

  it('refuse an address that is not http(s) and keys that are not base64url, naming the field', async () => {
    const scheme = expectProblem(await t.alice.call(routes.push.register, { body: { endpoint: 'ftp://push.example/x' } }), 400);
    expect(scheme.errors?.[0]).toMatchObject({ path: 'body.endpoint', message: 'must be an http(s) address' });
    const keys = expectProblem(
      await t.alice.call(routes.push.register, {
        body: { endpoint: `${base}/x`, keys: { p256dh: 'not base64!', auth: 'AAAA' } },
      }),
      400,
    );
    expect(keys.errors?.[0]?.path).toBe('body.keys.p256dh');
    expect(await endpointsOf(t.alice)).toEqual([]);
  });

  it('are listed to their owner only, and only the owner removes one', async () => {
    const device = newDevice();
    const created = await register(t.alice, device);
    expect(created).toMatchObject({ endpoint: device.endpoint, encrypted: true });
    expect(await endpointsOf(t.alice)).toEqual([device.endpoint]);
    expect(await endpointsOf(t.eve)).toEqual([]);
    expectProblem(await t.eve.call(routes.push.remove, byId(created.id)), 404);
    expect((await t.alice.call(routes.push.remove, byId(created.id))).status).toBe(204);
    expect(await endpointsOf(t.alice)).toEqual([]);
  });

  it('move to the account that registers the same device address', async () => {
    const device = newDevice();
    await register(t.alice, device);
    await register(t.eve, device);
    expect(await endpointsOf(t.alice)).toEqual([]);
    expect(await endpointsOf(t.eve)).toEqual([device.endpoint]);
    await t.eve.call(routes.push.remove, byId((await t.eve.call(routes.push.list)).body.items[0]!.id));
  });

  it('end with the sign-in that registered them', async () => {
    const login = await t.app
      .client()
      .call(routes.auth.login, { body: { username: t.alice.username, password: t.alice.password } });
    const phone = { ...t.alice, call: t.app.client(login.body.accessToken).call };
    const device = newDevice();
    await register(phone, device);
    const sessions = (await t.alice.call(routes.auth.sessions)).body.items;
    const [phoneSession] = sessions.filter((s) => !s.current).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    expect((await t.alice.call(routes.auth.revokeSession, byId(phoneSession!.id))).status).toBe(200);
    // Gone as soon as the sign-out is answered: no push reaches a signed-out phone.
    expect(await endpointsOf(t.alice)).not.toContain(device.endpoint);
  });
});

describe('pushes', () => {
  let roomId = '';
  let publicKey = '';
  beforeAll(async () => {
    roomId = (await t.alice.call(routes.rooms.create, { body: { type: 'group', name: 'Push', memberIds: [t.bob.id] } })).body.id;
    publicKey = (await t.alice.call(routes.push.vapidKey)).body.publicKey;
  });

  it("bring a message to the other members' devices, encrypted for each, or as an empty wake-up without keys", async () => {
    const [alicePhone, aliceTablet, bobPhone] = [newDevice(), newDevice(false), newDevice()];
    await register(t.alice, alicePhone);
    await register(t.alice, aliceTablet);
    await register(t.bob, bobPhone);

    const sent = (await say(t.bob, roomId, 'on se voit à 18 h ?')).body;
    const push = await nextPush(alicePhone);
    checkVapid(push.headers, publicKey);
    expect(push.headers).toMatchObject({ 'content-encoding': 'aes128gcm', ttl: '86400', urgency: 'high' });
    expect(decrypt(alicePhone, push.body)).toEqual({ type: 'message', roomId, messageId: sent.id });
    expect(push.body.toString('latin1')).not.toContain('18 h');
    const wakeUp = await nextPush(aliceTablet);
    checkVapid(wakeUp.headers, publicKey);
    expect(wakeUp.body.length).toBe(0);

    // The sender's own devices are not pushed to: Bob's first push is Alice's answer.
    const answer = (await say(t.alice, roomId, 'oui')).body;
    expect(decrypt(bobPhone, (await nextPush(bobPhone)).body)).toEqual({ type: 'message', roomId, messageId: answer.id });
    expect(deliveries.get(bobPhone.name)).toHaveLength(1);
    expect(deliveries.get(alicePhone.name)).toHaveLength(1);
  });

  it("bring a rung alarm to its owner's devices", async () => {
    const device = newDevice();
    await register(t.alice, device);
    const alarm = (
      await t.alice.call(routes.alarms.create, {
        body: { title: 'Réunion', nextTriggerAt: new Date(Date.now() + 300).toISOString(), timeZone: 'Europe/Paris' },
      })
    ).body;
    expect(decrypt(device, (await nextPush(device)).body)).toEqual({ type: 'alarm', alarmId: alarm.id, title: 'Réunion' });
  });

  it('forget a device its push service says is gone', async () => {
    const gone = newDevice(true, 'gone');
    await register(t.bob, gone);
    await say(t.alice, roomId, 'tu es là ?');
    await nextPush(gone);
    await expect.poll(() => endpointsOf(t.bob)).not.toContain(gone.endpoint);
  });
});

import { randomBytes } from 'node:crypto';
import { routes } from '@panoramix/contracts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { nextEvent, startTestApp } from './harness.ts';
import type { TestApp } from './harness.ts';
import { spawnApi, startRedis } from './processes.ts';
import type { ApiProcess } from './processes.ts';

// Two API instances (this process and a child process) share one database and one real Redis.
let redis: Awaited<ReturnType<typeof startRedis>>;
let a: TestApp;
let b: ApiProcess;
beforeAll(async () => {
  redis = await startRedis();
  const shared = { REDIS_URL: redis.url, MONGODB_DB: `sessions_${process.pid}`, JWT_SECRET: randomBytes(32).toString('hex') };
  a = await startTestApp(shared);
  b = await spawnApi({ ...shared, MONGODB_URI: inject('mongoUri') });
});
afterAll(async () => {
  await a?.close();
  await b?.kill();
  await redis?.stop();
});

describe('a session ended on one instance', () => {
  it('disconnects the user’s sockets on the other instance at once, and nobody else’s', async () => {
    const [ann, ben] = [await a.newUser(), await a.newUser()];
    const [annOnB, benOnB] = [await a.socketAt(b.baseUrl, ann.token), await a.socketAt(b.baseUrl, ben.token)];
    const cut = nextEvent(annOnB, 'disconnect');
    const changed = await ann.call(routes.auth.changePassword, {
      body: { currentPassword: ann.password, newPassword: 'changed-on-a-1' },
    });
    expect(changed.status).toBe(200);
    expect(await cut).toBe('io server disconnect');
    expect(benOnB.connected).toBe(true);
    const refused = nextEvent<Error>(annOnB, 'connect_error');
    annOnB.connect();
    expect((await refused).message).toMatch(/unauthorized/);
  });
});

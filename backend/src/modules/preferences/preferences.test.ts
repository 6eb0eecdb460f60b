import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, nextEvent, recordEvents, settle, startTestApp } from '../../../test/harness.ts';
import type { TestApp, TestUser } from '../../../test/harness.ts';

let app: TestApp;
let alice: TestUser;
let bob: TestUser;
beforeAll(async () => {
  app = await startTestApp();
  alice = await app.newUser();
  bob = await app.newUser();
});
afterAll(() => app.close());

describe('preferences', () => {
  it('starts from the defaults: French, system theme', async () => {
    const res = await alice.api.get('/api/preferences');
    expect(res.body).toEqual({ theme: 'system', language: 'fr', density: 'comfortable', startTab: 'home', timeZone: null });
    expectProblem(await app.client().get('/api/preferences'), 401);
  });

  it('saves a partial change, tells every socket of the owner and nobody else', async () => {
    const aliceSocket = await app.socket(alice.token);
    const bobSocket = await app.socket(bob.token);
    const bobReceived = recordEvents(bobSocket);
    const event = nextEvent(aliceSocket, 'preferences.updated');

    const res = await alice.api.patch('/api/preferences', { theme: 'dark', timeZone: 'Europe/Paris' });
    expect(res.body).toMatchObject({ theme: 'dark', language: 'fr', timeZone: 'Europe/Paris' });
    expect(await event).toEqual(res.body);

    const again = await alice.api.patch('/api/preferences', { language: 'en' });
    expect(again.body).toMatchObject({ theme: 'dark', language: 'en' });
    expect((await bob.api.get('/api/preferences')).body.theme).toBe('system');
    await settle();
    expect(bobReceived).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { expectProblem, nextEvent, recordEvents, settle, useTeam } from '../../../test/harness.ts';

const t = useTeam();

describe('preferences', () => {
  it('starts from the defaults: French, system theme', async () => {
    const res = await t.alice.api.get('/api/preferences');
    expect(res.body).toEqual({ theme: 'system', language: 'fr', density: 'comfortable', startTab: 'home', timeZone: null });
    expectProblem(await t.app.client().get('/api/preferences'), 401);
  });

  it('saves a partial change, tells every socket of the owner and nobody else', async () => {
    const aliceSocket = await t.app.socket(t.alice.token);
    const bobSocket = await t.app.socket(t.bob.token);
    const bobReceived = recordEvents(bobSocket);
    const event = nextEvent(aliceSocket, 'preferences.updated');

    const res = await t.alice.api.patch('/api/preferences', { theme: 'dark', timeZone: 'Europe/Paris' });
    expect(res.body).toMatchObject({ theme: 'dark', language: 'fr', timeZone: 'Europe/Paris' });
    expect(await event).toEqual(res.body);

    const again = await t.alice.api.patch('/api/preferences', { language: 'en' });
    expect(again.body).toMatchObject({ theme: 'dark', language: 'en' });
    expect((await t.bob.api.get('/api/preferences')).body.theme).toBe('system');
    await settle();
    expect(bobReceived).toEqual([]);
  });
});

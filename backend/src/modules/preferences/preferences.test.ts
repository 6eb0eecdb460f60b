import { routes } from '@panoramix/contracts';
import { describe, expect, it } from 'vitest';
import { expectProblem, nextEvent, recordEvents, settle, useTeam } from '../../../test/harness.ts';

const t = useTeam();

describe('preferences', () => {
  it('starts from the defaults: French, system theme', async () => {
    const res = await t.alice.call(routes.preferences.get);
    expect(res.body).toEqual({ theme: 'system', language: 'fr', density: 'comfortable', startTab: 'home', timeZone: null });
    expectProblem(await t.app.client().call(routes.preferences.get), 401);
  });

  it('saves a partial change, tells every socket of the owner and nobody else', async () => {
    const aliceSocket = await t.app.socket(t.alice.token);
    const bobSocket = await t.app.socket(t.bob.token);
    const bobReceived = recordEvents(bobSocket);
    const event = nextEvent(aliceSocket, 'preferences.updated');

    const res = await t.alice.call(routes.preferences.update, { body: { theme: 'dark', timeZone: 'Europe/Paris' } });
    expect(res.body).toMatchObject({ theme: 'dark', language: 'fr', timeZone: 'Europe/Paris' });
    expect(await event).toEqual(res.body);

    const again = await t.alice.call(routes.preferences.update, { body: { language: 'en' } });
    expect(again.body).toMatchObject({ theme: 'dark', language: 'en' });
    expect((await t.bob.call(routes.preferences.get)).body.theme).toBe('system');
    await settle();
    expect(bobReceived).toEqual([]);
  });
});

import { routes } from '@panoramix/contracts';
import { describe, expect, it } from 'vitest';
import { nextEvent } from './harness.ts';
import { useTwoInstances } from './two-instances.ts';

// Two API instances (this process and a child process) share one database and one real Redis.
const instances = useTwoInstances('sessions');

describe('a session ended on one instance', () => {
  it('disconnects the user’s sockets on the other instance at once, and nobody else’s', async () => {
    const [ann, ben] = [await instances.a.newUser(), await instances.a.newUser()];
    const [annOnB, benOnB] = [
      await instances.a.socketAt(instances.b.baseUrl, ann.token),
      await instances.a.socketAt(instances.b.baseUrl, ben.token),
    ];
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

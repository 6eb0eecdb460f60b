import { routes } from '@panoramix/contracts';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { byId, expectProblem, useTeam } from '../../../../test/harness.ts';
import type { TestUser } from '../../../../test/harness.ts';

const t = useTeam();

/** The feed as a phone calendar reads it: no session, the address alone. */
const readFeed = (path: string) => t.app.client().get<string>(path);

async function newFeed(user: TestUser) {
  const res = await user.call(routes.calendarFeed.regenerate);
  expect(res.status).toBe(201);
  return res.body.path;
}

const summaries = (text: string) =>
  new ICAL.Component(ICAL.parse(text) as never)
    .getAllSubcomponents('vevent')
    .map((v) => String(v.getFirstPropertyValue('summary')));

const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString();

// Each test signs users up and reads the feed over HTTP: a loaded machine needs more than the default.
describe('private calendar feed', { timeout: 90_000 }, () => {
  it('is off until asked for; its address is shown once and works without a session', async () => {
    const user = await t.app.newUser();
    expect((await user.call(routes.calendarFeed.status)).body).toEqual({ active: false, createdAt: null });
    const path = await newFeed(user);
    expect(path).toMatch(new RegExp(`^/api/calendar/feed/${user.id}-[\\w-]{43}\\.ics$`));
    expect((await user.call(routes.calendarFeed.status)).body).toMatchObject({ active: true, createdAt: expect.any(String) });
    expect(JSON.stringify((await user.call(routes.calendarFeed.status)).body)).not.toContain(path.slice(-47, -4));
    const res = await readFeed(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(res.headers.get('cache-control')).toContain('private');
    expect(res.body.startsWith('BEGIN:VCALENDAR')).toBe(true);
  });

  it('holds my events and the deadlines of the open tasks I see (mine and my projects’), nobody else’s', async () => {
    const start = inAWeek();
    const end = new Date(Date.parse(start) + 3_600_000).toISOString();
    await t.alice.call(routes.calendarEvents.create, { body: { title: 'Réunion Alice', start, end } });
    await t.eve.call(routes.calendarEvents.create, { body: { title: 'Réunion Eve', start, end } });
    await t.alice.call(routes.tasks.create, { body: { title: 'Rapport', deadline: start } });
    await t.bob.call(routes.tasks.create, { body: { title: 'Budget partagé', deadline: start, projectId: t.shared.id } });
    await t.bob.call(routes.tasks.create, { body: { title: 'Privé de Bob', deadline: start } });
    const done = (await t.alice.call(routes.tasks.create, { body: { title: 'Fini', deadline: start } })).body;
    await t.alice.call(routes.tasks.update, { ...byId(done.id), body: { status: 'done' } });

    const feed = (await readFeed(await newFeed(t.alice))).body;
    expect(summaries(feed).sort()).toEqual(['Réunion Alice', 'Échéance : Budget partagé', 'Échéance : Rapport']);
  });

  it('a new address stops the old one at once; turning the feed off stops it too', async () => {
    const user = await t.app.newUser();
    const first = await newFeed(user);
    const second = await newFeed(user);
    expect(second).not.toBe(first);
    expectProblem(await readFeed(first), 404);
    expect((await readFeed(second)).status).toBe(200);
    expect((await user.call(routes.calendarFeed.revoke)).status).toBe(204);
    expectProblem(await readFeed(second), 404);
    expect((await user.call(routes.calendarFeed.status)).body.active).toBe(false);
  });

  it('answers 404 to a wrong secret for a real user, and 400 to what is no feed address', async () => {
    const user = await t.app.newUser();
    const path = await newFeed(user);
    const forged = path.replace(/-[\w-]{43}\.ics$/, `-${'A'.repeat(43)}.ics`);
    expectProblem(await readFeed(forged), 404);
    expectProblem(await readFeed(`/api/calendar/feed/${t.eve.id}-${'A'.repeat(43)}.ics`), 404); // Eve has no feed
    expectProblem(await readFeed('/api/calendar/feed/not-a-feed.ics'), 400);
  });

  it('is each user’s own: my regeneration leaves another user’s address working', async () => {
    const [mine, theirs] = [await t.app.newUser(), await t.app.newUser()];
    const theirPath = await newFeed(theirs);
    await newFeed(mine);
    await newFeed(mine);
    expect((await readFeed(theirPath)).status).toBe(200);
    expect((await theirs.call(routes.calendarFeed.status)).body.active).toBe(true);
  });
});

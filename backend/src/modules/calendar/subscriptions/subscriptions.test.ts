import { routes } from '@panoramix/contracts';
import type { CalendarSubscription } from '@panoramix/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ics, startIcsServer } from '../../../../test/ics-server.ts';
import type { IcsServer } from '../../../../test/ics-server.ts';
import { byId, expectProblem, recordEvents, settle, useTeam } from '../../../../test/harness.ts';
import type { TestUser } from '../../../../test/harness.ts';
import { CalendarSubscriptionModel } from './model.ts';

// The local calendar server listens on 127.0.0.1: the test allowance lets that address through, no other.
const t = useTeam({ OUTBOUND_ALLOW_ADDRESSES: '127.0.0.1' });
let server: IcsServer;
beforeAll(async () => {
  server = await startIcsServer();
});
afterAll(() => server.close());

let feedNumber = 0;
/** A fresh path on the server, serving these events. */
const newFeed = (events: Parameters<typeof ics>[0], etag?: string) => {
  const path = `/feed-${++feedNumber}.ics`;
  server.feeds.set(path, { body: ics(events), ...(etag ? { etag } : {}) });
  return path;
};

const december = { query: { from: '2026-11-30T00:00:00.000Z', to: '2027-01-04T00:00:00.000Z' } };
const eventsOf = async (user: TestUser, range = december) => (await user.call(routes.calendarEvents.list, range)).body.items;

/** Waits for the subscription's fetch to end (it runs as a job), and returns it as listed. */
async function fetched(user: TestUser, id: string, after: string | null = null): Promise<CalendarSubscription> {
  let found: CalendarSubscription | undefined;
  await expect
    .poll(
      async () => {
        found = (await user.call(routes.calendarSubscriptions.list)).body.items.find((s) => s.id === id);
        return found && !found.refreshing && found.lastFetchedAt !== after;
      },
      { timeout: 40_000, interval: 200 },
    )
    .toBe(true);
  return found!;
}

async function subscribe(user: TestUser, path: string, name = 'Équipe') {
  const res = await user.call(routes.calendarSubscriptions.create, { body: { url: server.url(path), name } });
  expect(res.status).toBe(201);
  return fetched(user, res.body.id);
}

const standup = { uid: 'standup@team', summary: 'Stand-up', start: '20261201T090000Z', end: '20261201T091500Z' };
const review = { uid: 'review@team', summary: 'Revue', start: '20261203T140000Z', end: '20261203T150000Z' };

// Fetches run as durable jobs; on a loaded machine a test waits for several of them.
describe('calendar subscriptions', { timeout: 120_000 }, () => {
  it('requires authentication', async () => {
    expectProblem(await t.app.client().call(routes.calendarSubscriptions.list), 401);
  });

  it('fetches a subscribed feed as a job: its events appear, owned and marked as the subscription’s', async () => {
    const user = await t.app.newUser();
    const sub = await subscribe(user, newFeed([standup, review]));
    expect(sub).toMatchObject({
      name: 'Équipe',
      intervalMinutes: 60,
      lastError: null,
      lastCounts: { created: 2, notModified: false },
    });
    const events = await eventsOf(user);
    expect(events.map((e) => [e.title, e.source, e.subscriptionId])).toEqual([
      ['Stand-up', 'subscription', sub.id],
      ['Revue', 'subscription', sub.id],
    ]);
  });

  it('names a subscription after its host by default, and takes webcal:// as https://', async () => {
    const user = await t.app.newUser();
    const res = await user.call(routes.calendarSubscriptions.create, { body: { url: server.url(newFeed([standup])) } });
    expect(res.body.name).toBe('127.0.0.1');
    const webcal = await user.call(routes.calendarSubscriptions.create, { body: { url: 'webcal://127.0.0.1:1/cal.ics' } });
    expect(webcal.body.url).toBe('https://127.0.0.1:1/cal.ics');
  });

  it.each([
    ['http://10.0.0.1/cal.ics', '10.0.0.1, a private (RFC 1918) address'],
    ['http://169.254.169.254/latest/meta-data/', '169.254.169.254, a link-local address'],
    ['http://127.0.0.2:8080/cal.ics', '127.0.0.2, a loopback address'],
    ['http://[::1]/cal.ics', '::1, a loopback address'],
    ['http://[::ffff:192.168.1.1]/cal.ics', 'a private (RFC 1918) address'],
  ])('refuses %s with a 400 naming why, and stores nothing', async (url, why) => {
    const user = await t.app.newUser();
    const problem = expectProblem(await user.call(routes.calendarSubscriptions.create, { body: { url } }), 400);
    expect(problem.errors?.[0]).toMatchObject({ path: 'body.url', message: expect.stringContaining(why) });
    expect((await user.call(routes.calendarSubscriptions.list)).body.items).toEqual([]);
  });

  it('refuses other schemes and intervals out of bounds, naming the field', async () => {
    const user = await t.app.newUser();
    const ftp = expectProblem(
      await user.call(routes.calendarSubscriptions.create, { body: { url: 'ftp://example.com/a.ics' } }),
      400,
    );
    expect(ftp.errors?.[0]?.path).toBe('body.url');
    for (const intervalMinutes of [5, 20_000]) {
      const body = { url: 'https://example.com/a.ics', intervalMinutes };
      expect(expectProblem(await user.call(routes.calendarSubscriptions.create, { body }), 400).errors?.[0]?.path).toBe(
        'body.intervalMinutes',
      );
    }
  });

  it('refuses a new address that points inside, and keeps the old one', async () => {
    const user = await t.app.newUser();
    const sub = await subscribe(user, newFeed([standup]));
    const moved = await user.call(routes.calendarSubscriptions.update, { ...byId(sub.id), body: { url: 'http://192.168.0.1/' } });
    expect(expectProblem(moved, 400).errors?.[0]?.path).toBe('body.url');
    expect((await user.call(routes.calendarSubscriptions.list)).body.items[0]?.url).toBe(sub.url);
  });

  it('sends the ETag back: a 304 keeps the events as they are', async () => {
    const user = await t.app.newUser();
    const path = newFeed([standup], '"v1"');
    const sub = await subscribe(user, path);
    expect(sub.etag).toBe('"v1"');
    expect((await user.call(routes.calendarSubscriptions.refresh, byId(sub.id))).status).toBe(202);
    const again = await fetched(user, sub.id, sub.lastFetchedAt);
    expect(again.lastCounts).toMatchObject({ notModified: true });
    expect(server.requests.filter((r) => r.path === path).map((r) => r.ifNoneMatch)).toEqual([null, '"v1"']);
    expect((await eventsOf(user)).map((e) => e.title)).toEqual(['Stand-up']);
  });

  it('follows the feed: a changed event is updated in place, a vanished one removed', async () => {
    const user = await t.app.newUser();
    const path = newFeed([standup, review]);
    const sub = await subscribe(user, path);
    const before = await eventsOf(user);
    server.feeds.set(path, { body: ics([{ ...standup, summary: 'Stand-up (visio)' }]) });
    await user.call(routes.calendarSubscriptions.refresh, byId(sub.id));
    const after = await fetched(user, sub.id, sub.lastFetchedAt);
    expect(after.lastCounts).toMatchObject({ updated: 1, removed: 1 });
    const events = await eventsOf(user);
    expect(events.map((e) => [e.id, e.title])).toEqual([[before[0]!.id, 'Stand-up (visio)']]);
  });

  it('purges subscribed events that ended more than 90 days ago', async () => {
    const user = await t.app.newUser();
    const old = { uid: 'old@team', summary: 'Ancien', start: '20200106T090000Z', end: '20200106T100000Z' };
    await subscribe(user, newFeed([old, standup]));
    expect((await eventsOf(user)).map((e) => e.title)).toEqual(['Stand-up']);
    const january2020 = { query: { from: '2020-01-01T00:00:00.000Z', to: '2020-02-01T00:00:00.000Z' } };
    expect(await eventsOf(user, january2020)).toEqual([]);
  });

  it.each([
    ['an error status', { body: 'oops', status: 500 }, 'http-status'],
    ['something that is not a calendar', { body: '<html>login</html>', contentType: 'text/html' }, 'not-calendar'],
  ])('stores a failure (%s) and keeps the last good events', async (_, broken, reason) => {
    const user = await t.app.newUser();
    const path = newFeed([standup]);
    const sub = await subscribe(user, path);
    server.feeds.set(path, broken);
    await user.call(routes.calendarSubscriptions.refresh, byId(sub.id));
    const failed = await fetched(user, sub.id, sub.lastFetchedAt);
    expect(failed.lastError).toMatchObject({ reason, at: expect.any(String) });
    expect((await eventsOf(user)).map((e) => e.title)).toEqual(['Stand-up']);
    server.feeds.set(path, { body: ics([standup]) });
    await user.call(routes.calendarSubscriptions.refresh, byId(sub.id));
    expect((await fetched(user, sub.id, failed.lastFetchedAt)).lastError).toBeNull();
  });

  it('the scheduler fetches a subscription whose time has come, once', async () => {
    const user = await t.app.newUser();
    const path = newFeed([standup]);
    const sub = await subscribe(user, path);
    await CalendarSubscriptionModel.updateOne(
      { _id: sub.id, userId: user.id },
      { $set: { nextFetchAt: new Date(Date.now() - 1000) } },
    );
    const fetching = t.app.server.services.calendarSubscriptions.fetching;
    const [first, second] = await Promise.all([fetching.scheduleDue(), fetching.scheduleDue()]);
    expect(first + second).toBeGreaterThanOrEqual(1);
    await fetched(user, sub.id, sub.lastFetchedAt);
    expect(server.requests.filter((r) => r.path === path)).toHaveLength(2);
    const next = await CalendarSubscriptionModel.findOne({ _id: sub.id, userId: user.id }).lean();
    expect(next!.nextFetchAt.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
  });

  it('unsubscribing deletes the subscription and its events, not the others', async () => {
    const user = await t.app.newUser();
    const sub = await subscribe(user, newFeed([standup]));
    const manual = { title: 'Dentiste', start: '2026-12-02T08:00:00.000Z', end: '2026-12-02T09:00:00.000Z' };
    expect((await user.call(routes.calendarEvents.create, { body: manual })).status).toBe(201);
    expect((await user.call(routes.calendarSubscriptions.remove, byId(sub.id))).status).toBe(204);
    expect((await user.call(routes.calendarSubscriptions.list)).body.items).toEqual([]);
    expect((await eventsOf(user)).map((e) => e.title)).toEqual(['Dentiste']);
  });

  it('is its owner’s alone: another user cannot list, change, refresh or delete it, nor sees its events', async () => {
    const path = newFeed([standup]);
    const eveSocket = await t.app.socket(t.eve.token);
    const eveGot = recordEvents(eveSocket);
    const aliceGot = recordEvents(await t.app.socket(t.alice.token));
    const sub = await subscribe(t.alice, path);
    const toAlice = () => aliceGot.filter((e) => e.type.startsWith('calendar.subscription.')).map((e) => e.data.id);
    await expect.poll(toAlice, { timeout: 30_000 }).toContain(sub.id);

    expect((await t.eve.call(routes.calendarSubscriptions.list)).body.items).toEqual([]);
    expectProblem(await t.eve.call(routes.calendarSubscriptions.update, { ...byId(sub.id), body: { name: 'Mine' } }), 404);
    expectProblem(await t.eve.call(routes.calendarSubscriptions.refresh, byId(sub.id)), 404);
    expectProblem(await t.eve.call(routes.calendarSubscriptions.remove, byId(sub.id)), 404);
    expect(await eventsOf(t.eve)).toEqual([]);
    expect(await eventsOf(t.bob)).toEqual([]); // a project partner sees no one's calendar either
    await settle();
    expect(eveGot.filter((e) => e.type.startsWith('calendar.'))).toEqual([]);
    expect((await t.alice.call(routes.calendarSubscriptions.list)).body.items[0]).toMatchObject({ id: sub.id, name: 'Équipe' });
  });
});

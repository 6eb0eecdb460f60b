import { routes } from '@panoramix/contracts';
import type { DomainEventMap } from '@panoramix/contracts';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { byId, settle, useTestApp } from '../../../test/harness.ts';
import type { TestUser } from '../../../test/harness.ts';
import { createLogger } from '../../lib/logger.ts';
import { EventBus } from '../../realtime/event-bus.ts';
import { AlarmClaimModel, AlarmModel } from './model.ts';
import type { AlarmDoc } from './model.ts';
import { createAlarmScheduler } from './scheduler.ts';
import { firingOf, writeClaimed } from './store.ts';
import type { AlarmScheduler } from './scheduler.ts';

// A scheduler of this test's own on the app's database (the app's is stopped), with a clock the
// test moves, scanning when the test asks (its own scans are a minute apart); the app stands for
// another instance, and that instance's claims are written straight into the database.
const ctx = useTestApp();
let alice: TestUser;
let scheduler: AlarmScheduler | undefined;

beforeAll(async () => {
  await ctx.app.server.services.alarmScheduler.stop();
  alice = await ctx.app.newUser();
});
afterEach(() => scheduler?.stop());

function startScheduler() {
  let offsetMs = 0;
  const log = createLogger('silent');
  const events = new EventBus(log);
  const fired: DomainEventMap['alarm.fired'][] = [];
  events.subscribe((event) => void (event.type === 'alarm.fired' && fired.push(event.data)));
  const own = createAlarmScheduler({ events, log, scanEveryMs: 60_000, now: () => new Date(Date.now() + offsetMs) });
  scheduler = own;
  return { scheduler: own, fired, advance: (ms: number) => (offsetMs += ms) };
}

async function dueAlarm(title: string) {
  const body = { title, nextTriggerAt: new Date(Date.now() - 1000).toISOString(), timeZone: 'UTC' };
  return (await alice.call(routes.alarms.create, { body })).body.id;
}

const stored = async (id: string) => (await AlarmModel.findById(id).setOptions({ tenancy: 'system' }).lean<AlarmDoc>())!;
const claimFiredElsewhere = (id: string, claimedAt: Date) => AlarmClaimModel.create({ _id: `${id}:0`, claimedAt, kind: 'fire' });

describe('the alarm scheduler', () => {
  it('rings the alarms due together once each and leaves the one another instance claimed', async () => {
    const [mine, alsoMine, theirs] = [await dueAlarm('A'), await dueAlarm('B'), await dueAlarm('C')];
    await claimFiredElsewhere(theirs, new Date());
    const { scheduler, fired } = startScheduler();
    await scheduler.start();

    await expect.poll(() => fired.map((event) => event.alarm.id).sort()).toEqual([mine, alsoMine].sort());
    await expect.poll(async () => (await stored(mine)).revision).toBe(1);
    await expect.poll(async () => (await stored(alsoMine)).revision).toBe(1);
    await scheduler.scan();
    await settle();
    expect(fired).toHaveLength(2);
    expect(await stored(theirs)).toMatchObject({ revision: 0, done: false }); // its writer is alive: left to it
  });

  it('writes a firing whose instance died before its write, from its claim’s time, without ringing it again', async () => {
    const id = await dueAlarm('Orphan');
    const rungAt = new Date(Date.now() - 500);
    await claimFiredElsewhere(id, rungAt);
    const { scheduler, fired, advance } = startScheduler();
    await scheduler.start();
    await settle();
    expect((await stored(id)).revision).toBe(0);

    advance(11 * 60_000); // past the repair delay: nobody wrote that firing
    await scheduler.scan();
    await expect.poll(async () => (await stored(id)).revision).toBe(1);
    expect(await stored(id)).toMatchObject({ done: true, enabled: false, lastFiredAt: rungAt, fireAt: null });
    expect(fired).toEqual([]);
  });

  it('does not ring an alarm its owner deleted on another instance after this one armed it', async () => {
    const inAnHour = new Date(Date.now() + 3600_000).toISOString();
    const create = (title: string) =>
      alice.call(routes.alarms.create, { body: { title, nextTriggerAt: inAnHour, timeZone: 'UTC' } });
    const [gone, kept] = [(await create('Gone')).body.id, (await create('Kept')).body.id];
    const armedCopy = await stored(gone); // as this instance read it before the delete
    const { scheduler, fired, advance } = startScheduler();
    await scheduler.start();
    expect((await alice.call(routes.alarms.remove, byId(gone))).status).toBe(204); // through the app, the other instance
    advance(3600_000); // both due now: rung in the order armed, the deleted one first
    scheduler.plan(armedCopy);
    scheduler.plan(await stored(kept));
    await expect.poll(() => fired.map((event) => event.alarm.id)).toEqual([kept]);
  });

  it('a snooze while the firing’s write still waits in its instance’s queue goes on top of that firing', async () => {
    const id = await dueAlarm('Queued');
    const rungAt = new Date(Date.now() - 200);
    await claimFiredElsewhere(id, rungAt); // rung there; its write is behind many others
    const before = await stored(id);

    const snoozed = await alice.call(routes.alarms.snooze, { ...byId(id), body: { minutes: 5 } });
    expect(snoozed.status).toBe(200);
    expect(snoozed.body).toMatchObject({ lastFiredAt: rungAt.toISOString(), ringing: false, enabled: true, done: false });
    expect(await writeClaimed(before, firingOf(before, rungAt), rungAt)).toBeNull(); // the queued write, at last
    expect(await stored(id)).toMatchObject({ revision: 2, snoozedUntilAt: new Date(snoozed.body.snoozedUntilAt!) });
  });
});

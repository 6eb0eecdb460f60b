import { routes } from '@panoramix/contracts';
import type { RouteBodyInput } from '@panoramix/contracts';
import { describe, expect, it } from 'vitest';
import { byId, expectProblem, nextEvent, recordEvents, settle, useTeam } from '../../../test/harness.ts';
import type { TestUser } from '../../../test/harness.ts';

const t = useTeam({ ALARMS_SCAN_MS: '200' });

type AlarmInput = RouteBodyInput<typeof routes.alarms.create>;
const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
const later = () => inMinutes(60);

async function createAlarm(user: TestUser, body: Partial<AlarmInput> = {}) {
  const res = await user.call(routes.alarms.create, {
    body: { title: 'Stand-up', nextTriggerAt: later(), timeZone: 'Europe/Paris', ...body },
  });
  expect(res.status).toBe(201);
  return res.body;
}

describe('alarms', () => {
  it('requires authentication', async () => {
    expectProblem(await t.app.client().call(routes.alarms.list), 401);
    const body = { nextTriggerAt: later(), timeZone: 'UTC' };
    expectProblem(await t.app.client().call(routes.alarms.create, { body }), 401);
  });

  it('creates a one-off alarm with Panorama’s defaults', async () => {
    const at = later();
    const alarm = await createAlarm(t.alice, { title: undefined, nextTriggerAt: at });
    expect(alarm).toMatchObject({
      title: 'Alarme',
      enabled: true,
      done: false,
      recurrence: { type: 'none' },
      snoozedUntilAt: null,
      effectiveAt: at,
      ringing: false,
      taskId: null,
    });
    expect((await t.alice.call(routes.alarms.list)).body.items[0]?.id).toBe(alarm.id);
  });

  it('refuses a bad recurrence, time zone or time with a 400 naming the field, and writes nothing', async () => {
    const before = (await t.alice.call(routes.alarms.list)).body.items.length;
    const cases: [Record<string, unknown>, string][] = [
      [{ recurrence: { type: 'weekly', daysOfWeek: [] } }, 'body.recurrence.daysOfWeek'],
      [{ recurrence: { type: 'weekly', daysOfWeek: [7] } }, 'body.recurrence.daysOfWeek.0'],
      [{ recurrence: { type: 'daily', daysOfWeek: [1] } }, 'body.recurrence'],
      [{ recurrence: { type: 'yearly' } }, 'body.recurrence.type'],
      [{ timeZone: 'Mars/Olympus_Mons' }, 'body.timeZone'],
      [{ nextTriggerAt: 'tomorrow' }, 'body.nextTriggerAt'],
    ];
    for (const [patch, path] of cases) {
      const body = { title: 'x', nextTriggerAt: later(), timeZone: 'UTC', ...patch };
      const problem = expectProblem(await t.alice.api.post('/api/alarms', body), 400);
      expect(problem.errors?.map((e) => e.path)).toContain(path);
    }
    const alarm = await createAlarm(t.alice);
    const problem = expectProblem(await t.alice.api.patch(`/api/alarms/${alarm.id}`, { timeZone: 'Nowhere' }), 400);
    expect(problem.errors?.[0]?.path).toBe('body.timeZone');
    expect((await t.alice.call(routes.alarms.list)).body.items.length).toBe(before + 1);
  });

  it('stacks snoozes from the latest of snooze, trigger and now', async () => {
    const at = later();
    const alarm = await createAlarm(t.alice, { nextTriggerAt: at });
    const once = await t.alice.call(routes.alarms.snooze, { ...byId(alarm.id), body: { minutes: 5 } });
    expect(once.body.snoozedUntilAt).toBe(new Date(Date.parse(at) + 5 * 60_000).toISOString()); // the trigger is the latest
    const twice = await t.alice.call(routes.alarms.snooze, { ...byId(alarm.id), body: { minutes: 15 } });
    expect(twice.body.effectiveAt).toBe(new Date(Date.parse(at) + 20 * 60_000).toISOString());
    expectProblem(await t.alice.call(routes.alarms.snooze, { ...byId(alarm.id), body: { minutes: 0 } }), 400);
  });

  it('dismisses a one-off for good and moves a recurring alarm to its next occurrence', async () => {
    const oneOff = await createAlarm(t.alice);
    const done = await t.alice.call(routes.alarms.dismiss, byId(oneOff.id));
    expect(done.body).toMatchObject({ enabled: false, done: true, effectiveAt: null });

    const daily = await createAlarm(t.alice, { nextTriggerAt: '2030-03-30T07:00:00.000Z', recurrence: { type: 'daily' } });
    await t.alice.call(routes.alarms.snooze, { ...byId(daily.id), body: { minutes: 60 } });
    const moved = await t.alice.call(routes.alarms.dismiss, byId(daily.id));
    // Summer time starts that night in Paris: 08:00 is then 06:00 UTC.
    expect(moved.body).toMatchObject({ nextTriggerAt: '2030-03-31T06:00:00.000Z', snoozedUntilAt: null, enabled: true });
  });

  it('a new time clears the snooze', async () => {
    const alarm = await createAlarm(t.alice);
    await t.alice.call(routes.alarms.snooze, { ...byId(alarm.id), body: { minutes: 15 } });
    const at = inMinutes(120);
    const moved = await t.alice.call(routes.alarms.update, { ...byId(alarm.id), body: { nextTriggerAt: at, title: 'Later' } });
    expect(moved.body).toMatchObject({ title: 'Later', nextTriggerAt: at, snoozedUntilAt: null, effectiveAt: at });
  });

  it('links a task the caller sees, and refuses another user’s task as no such task', async () => {
    const task = (await t.alice.call(routes.tasks.create, { body: { title: 'Call the bank' } })).body;
    expect((await createAlarm(t.alice, { taskId: task.id })).taskId).toBe(task.id);
    const problem = expectProblem(
      await t.eve.call(routes.alarms.create, { body: { nextTriggerAt: later(), timeZone: 'UTC', taskId: task.id } }),
      400,
    );
    expect(problem.errors?.[0]).toMatchObject({ path: 'body.taskId', message: 'no such task' });
  });
});

describe('the server fires alarms', () => {
  it('rings a due alarm once on each of the owner’s sockets only, and marks a one-off done', async () => {
    const [tab1, tab2, bobSocket] = [
      await t.app.socket(t.alice.token),
      await t.app.socket(t.alice.token),
      await t.app.socket(t.bob.token),
    ];
    const tab1Events = recordEvents(tab1);
    const bobEvents = recordEvents(bobSocket);
    const fired = nextEvent(tab1, 'alarm.fired');
    const firedInTab2 = nextEvent(tab2, 'alarm.fired');
    const alarm = await createAlarm(t.alice, { nextTriggerAt: new Date(Date.now() + 300).toISOString() });

    const event = await fired;
    expect(event).toMatchObject({ dueAt: alarm.nextTriggerAt, late: false, alarm: { id: alarm.id, done: true, ringing: true } });
    expect((await firedInTab2).alarm.id).toBe(alarm.id);
    // The event leaves once the firing is claimed; its write follows.
    const stored = async () => (await t.alice.call(routes.alarms.get, byId(alarm.id))).body;
    await expect.poll(stored).toMatchObject({ enabled: false, done: true, ringing: true, lastFiredAt: expect.any(String) });

    await settle(600); // three more scans: none may fire it again
    expect(tab1Events.filter((e) => e.type === 'alarm.fired' && e.data.alarm.id === alarm.id)).toHaveLength(1);
    expect(bobEvents).toEqual([]);
  });

  it('a snooze answers the ringing alarm and rings it again when the snooze ends', async () => {
    const socket = await t.app.socket(t.alice.token);
    const fired = nextEvent(socket, 'alarm.fired');
    const alarm = await createAlarm(t.alice, { nextTriggerAt: new Date(Date.now() - 1000).toISOString() });
    await fired;
    const snoozed = await t.alice.call(routes.alarms.snooze, { ...byId(alarm.id), body: { minutes: 5 } });
    expect(snoozed.body).toMatchObject({ ringing: false, enabled: true, done: false });
  });

  it('fires an alarm that came due while it was stopped once on start, marked late', async () => {
    const scheduler = t.app.server.services.alarmScheduler;
    await scheduler.stop();
    const socket = await t.app.socket(t.alice.token);
    const events = recordEvents(socket);
    const alarm = await createAlarm(t.alice, { nextTriggerAt: inMinutes(-5), recurrence: { type: 'daily' } });
    const fired = nextEvent(socket, 'alarm.fired');
    await scheduler.start();
    expect(await fired).toMatchObject({ late: true, alarm: { id: alarm.id, ringing: true, enabled: true } });
    await settle(600);
    expect(events.filter((e) => e.type === 'alarm.fired')).toHaveLength(1);
    // Unanswered, the daily alarm next rings tomorrow at the same time.
    expect((await t.alice.call(routes.alarms.dismiss, byId(alarm.id))).body.nextTriggerAt).toBe(
      new Date(Date.parse(alarm.nextTriggerAt) + 24 * 3600_000).toISOString(),
    );
  });
});

describe('isolation between users', () => {
  it('answers 404 on every route for another user’s alarm, leaves it untouched and sends them nothing', async () => {
    const bobSocket = await t.app.socket(t.bob.token);
    const bobEvents = recordEvents(bobSocket);
    const alarm = await createAlarm(t.alice, { title: 'Private' });
    const id = byId(alarm.id);
    expectProblem(await t.bob.call(routes.alarms.get, id), 404);
    expectProblem(await t.bob.call(routes.alarms.update, { ...id, body: { title: 'Mine' } }), 404);
    expectProblem(await t.bob.call(routes.alarms.snooze, { ...id, body: { minutes: 5 } }), 404);
    expectProblem(await t.bob.call(routes.alarms.dismiss, id), 404);
    expectProblem(await t.bob.call(routes.alarms.remove, id), 404);
    expect((await t.bob.call(routes.alarms.list)).body.items.map((a) => a.id)).not.toContain(alarm.id);
    expect((await t.alice.call(routes.alarms.get, id)).body).toMatchObject({ title: 'Private', snoozedUntilAt: null });

    const deleted = nextEvent(await t.app.socket(t.alice.token), 'alarm.deleted');
    expect((await t.alice.call(routes.alarms.remove, id)).status).toBe(204);
    expect(await deleted).toEqual({ id: alarm.id });
    await settle();
    expect(bobEvents).toEqual([]);
  });
});

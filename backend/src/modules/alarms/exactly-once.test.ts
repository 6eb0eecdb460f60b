import { routes } from '@panoramix/contracts';
import { describe, expect, it } from 'vitest';
import { createClient, recordEvents, settle } from '../../../test/harness.ts';
import { useTwoInstances } from '../../../test/two-instances.ts';
import { AlarmModel } from './model.ts';
import { fieldsOf } from './store.ts';

// Two API instances (this process and a child process) on one database, each scanning every 200 ms
// for alarms due within 400 ms: both arm a timer for every alarm below and race to fire it.
const instances = useTwoInstances('alarms', { ALARMS_SCAN_MS: '200' });

const firedIds = (events: { type: string; data: { alarm: { id: string } } }[]) =>
  events.filter((e) => e.type === 'alarm.fired').map((e) => e.data.alarm.id);

describe('two API instances on one database', () => {
  it('fire each due alarm exactly once', async () => {
    const alice = await instances.a.newUser();
    const onA = recordEvents(await instances.a.socket(alice.token));
    const onB = recordEvents(await instances.a.socketAt(instances.b.baseUrl, alice.token));
    const viaB = createClient(instances.b.baseUrl, { token: alice.token });

    const dueAt = new Date(Date.now() + 2000).toISOString(); // past both instances' next scans
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const client = i % 2 ? viaB : alice.api;
      const res = await client.call(routes.alarms.create, {
        body: { title: `Alarm ${i}`, nextTriggerAt: dueAt, timeZone: 'UTC' },
      });
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }

    await expect.poll(() => firedIds(onA).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(ids.length);
    await settle(1000); // five more scans on each instance: nothing may fire twice
    expect(firedIds(onA).sort()).toEqual([...ids].sort());
    expect(firedIds(onB).sort()).toEqual([...ids].sort());
  }, 60_000); // twenty creates and a second process on a loaded machine

  it('fire 300 alarms due at the same instant exactly once, both claiming them in batches', async () => {
    const alice = await instances.a.newUser();
    const onA = recordEvents(await instances.a.socket(alice.token));
    const onB = recordEvents(await instances.a.socketAt(instances.b.baseUrl, alice.token));
    const due = new Date(Date.now() + 1500);
    const state = {
      enabled: true,
      done: false,
      nextTriggerAt: due,
      snoozedUntilAt: null,
      acknowledgedAt: null,
      lastFiredAt: null,
    };
    const alarms = Array.from({ length: 300 }, (_, i) => ({
      userId: alice.id,
      title: `Batch ${i}`,
      ...fieldsOf({ ...state, recurrence: { type: 'none' }, timeZone: 'UTC', anchorAt: due }),
    }));
    // Straight into the database, as an import would: only the instances' scans find them.
    const ids = (await AlarmModel.insertMany(alarms)).map((doc) => String(doc._id));

    await expect.poll(() => firedIds(onA).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(ids.length);
    await settle(1000); // five more scans on each instance: nothing may fire twice
    expect(firedIds(onA).sort()).toEqual([...ids].sort());
    expect(firedIds(onB).sort()).toEqual([...ids].sort());
  }, 60_000);
});

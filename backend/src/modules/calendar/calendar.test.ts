import { readFileSync } from 'node:fs';
import { routes } from '@panoramix/contracts';
import type { CalendarEvent, RouteBodyInput } from '@panoramix/contracts';
import { describe, expect, it } from 'vitest';
import { byId, expectProblem, nextEvent, recordEvents, settle, uploadFile, useTeam } from '../../../test/harness.ts';
import type { TestUser } from '../../../test/harness.ts';
import { calendarExports } from './export.ts';
import { CalendarEventModel } from './model.ts';

const t = useTeam();

type EventInput = RouteBodyInput<typeof routes.calendarEvents.create>;
const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url));

async function createEvent(user: TestUser, body: Partial<EventInput> = {}) {
  const res = await user.call(routes.calendarEvents.create, {
    body: { title: 'Dentiste', start: '2026-11-10T09:00:00.000Z', end: '2026-11-10T10:00:00.000Z', ...body },
  });
  expect(res.status).toBe(201);
  return res.body;
}

async function range(user: TestUser, from: string, to: string) {
  const res = await user.call(routes.calendarEvents.list, { query: { from, to } });
  expect(res.status).toBe(200);
  return res.body as { items: CalendarEvent[]; truncated: boolean };
}

const importIcs = (user: TestUser, name: string, bytes: Buffer | string = fixture(name), fields: Record<string, string> = {}) =>
  uploadFile(user, { name, bytes, type: 'text/calendar' }, fields, '/api/calendar/imports');

const titles = (items: CalendarEvent[]) => items.map((e) => e.title);
const starts = (items: CalendarEvent[]) => items.map((e) => e.start);

describe('calendar events', () => {
  it('requires authentication', async () => {
    const anonymous = t.app.client();
    expectProblem(
      await anonymous.call(routes.calendarEvents.list, { query: { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' } }),
      401,
    );
    expectProblem(
      await anonymous.post('/api/calendar/events', {
        title: 'x',
        start: '2026-11-01T00:00:00Z',
        end: '2026-11-01T00:00:00Z',
      }),
      401,
    );
  });

  it('lists what overlaps the range: an event across its start is in, one ending where it begins is not', async () => {
    const user = await t.app.newUser();
    await createEvent(user, { title: 'Across', start: '2026-10-31T23:00:00.000Z', end: '2026-11-01T01:00:00.000Z' });
    await createEvent(user, { title: 'Before', start: '2026-10-31T22:00:00.000Z', end: '2026-11-01T00:00:00.000Z' });
    await createEvent(user, { title: 'Inside', start: '2026-11-15T08:00:00.000Z', end: '2026-11-15T09:00:00.000Z' });
    await createEvent(user, { title: 'After', start: '2026-12-01T00:00:00.000Z', end: '2026-12-01T01:00:00.000Z' });
    await createEvent(user, { title: 'Long', start: '2026-01-01T00:00:00.000Z', end: '2027-06-01T00:00:00.000Z' });
    const { items, truncated } = await range(user, '2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z');
    expect(titles(items)).toEqual(['Long', 'Across', 'Inside']);
    expect(truncated).toBe(false);
  });

  it('refuses an end before the start, a bad RRULE or an all-day event off midnight with a 400 naming the field, and writes nothing', async () => {
    const user = await t.app.newUser();
    const cases: [Record<string, unknown>, string][] = [
      [{ end: '2026-11-10T08:00:00.000Z' }, 'body.end'],
      [{ recurrence: 'RRULE:FREQ=FORTNIGHTLY' }, 'body.recurrence'],
      [{ recurrence: 'RRULE:FREQ=WEEKLY\nRDATE:20261201T090000Z' }, 'body.recurrence'],
      [{ allDay: true }, 'body.start'],
      [{ timeZone: 'Mars/Olympus_Mons' }, 'body.timeZone'],
      [{ title: '  ' }, 'body.title'],
    ];
    for (const [patch, path] of cases) {
      const body = { title: 'x', start: '2026-11-10T09:00:00.000Z', end: '2026-11-10T10:00:00.000Z', ...patch };
      const problem = expectProblem(await user.api.post('/api/calendar/events', body), 400);
      expect(problem.errors?.map((e) => e.path)).toContain(path);
    }
    const event = await createEvent(user);
    const moved = expectProblem(
      await user.api.patch(`/api/calendar/events/${event.id}`, { end: '2026-11-09T00:00:00.000Z' }),
      400,
    );
    expect(moved.errors?.map((e) => e.path)).toContain('body.end');
    expect((await range(user, '2026-01-01T00:00:00.000Z', '2026-12-31T00:00:00.000Z')).items).toEqual([event]);
    expectProblem(await user.api.get('/api/calendar/events?from=2026-12-01T00:00:00.000Z&to=2026-11-01T00:00:00.000Z'), 400);
    expectProblem(await user.api.get('/api/calendar/events?from=2026-01-01T00:00:00.000Z&to=2028-01-01T00:00:00.000Z'), 400);
  });

  it('moves an event: the range follows it', async () => {
    const user = await t.app.newUser();
    const event = await createEvent(user);
    const res = await user.call(routes.calendarEvents.update, {
      ...byId(event.id),
      body: { start: '2026-12-10T09:00:00.000Z', end: '2026-12-10T11:00:00.000Z', location: 'Lyon' },
    });
    expect(res.body).toMatchObject({ start: '2026-12-10T09:00:00.000Z', end: '2026-12-10T11:00:00.000Z', location: 'Lyon' });
    expect((await range(user, '2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z')).items).toEqual([]);
    expect((await range(user, '2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z')).items).toEqual([res.body]);
  });

  it('another user cannot read, change, delete or restore an event: 404 as if it did not exist', async () => {
    const event = await createEvent(t.alice, { title: 'Privé' });
    expectProblem(await t.eve.call(routes.calendarEvents.get, byId(event.id)), 404);
    expectProblem(await t.eve.call(routes.calendarEvents.update, { ...byId(event.id), body: { title: 'Pris' } }), 404);
    expectProblem(await t.eve.call(routes.calendarEvents.remove, byId(event.id)), 404);
    expect(titles((await range(t.eve, '2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z')).items)).not.toContain('Privé');
    expect((await t.alice.call(routes.calendarEvents.get, byId(event.id))).body).toEqual(event);
    await t.alice.call(routes.calendarEvents.remove, byId(event.id));
    expectProblem(await t.eve.call(routes.calendarEvents.restore, byId(event.id)), 404);
    expect((await t.alice.call(routes.calendarEvents.restore, byId(event.id))).status).toBe(200);
  });

  it('sends its events to the owner only', async () => {
    const [alice, bob] = [await t.app.socket(t.alice.token), await t.app.socket(t.bob.token)];
    const bobEvents = recordEvents(bob);
    const created = nextEvent<CalendarEvent>(alice, 'calendar.event.created');
    const event = await createEvent(t.alice, { title: 'Réunion' });
    expect(await created).toEqual(event);
    const deleted = nextEvent(alice, 'calendar.event.deleted');
    await t.alice.call(routes.calendarEvents.remove, byId(event.id));
    expect(await deleted).toEqual({ id: event.id });
    await settle();
    expect(bobEvents.filter((e) => e.type.startsWith('calendar.'))).toEqual([]);
  });

  it('undoes a deletion: the same event, with its id, back in the range; a second undo is 404', async () => {
    const user = await t.app.newUser();
    const event = await createEvent(user);
    expect((await user.call(routes.calendarEvents.remove, byId(event.id))).status).toBe(204);
    expect((await range(user, '2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z')).items).toEqual([]);
    expectProblem(await user.call(routes.calendarEvents.get, byId(event.id)), 404);
    const restored = await user.call(routes.calendarEvents.restore, byId(event.id));
    expect(restored.body).toMatchObject({ id: event.id, title: event.title, start: event.start });
    expect((await range(user, '2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z')).items.map((e) => e.id)).toEqual([
      event.id,
    ]);
    expectProblem(await user.call(routes.calendarEvents.restore, byId(event.id)), 404);
  });

  it('expands a weekly series in its zone: 09:00 in Paris on both sides of the DST change, EXDATE left out', async () => {
    const user = await t.app.newUser();
    const series = await createEvent(user, {
      title: 'Cours',
      start: '2026-10-19T07:00:00.000Z',
      end: '2026-10-19T08:00:00.000Z',
      timeZone: 'Europe/Paris',
      recurrence: 'RRULE:FREQ=WEEKLY;COUNT=4\nEXDATE;TZID=Europe/Paris:20261102T090000',
    });
    expect(series.recurrence).toBe('RRULE:FREQ=WEEKLY;COUNT=4\nEXDATE:20261102T080000Z');
    const { items } = await range(user, '2026-10-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z');
    expect(starts(items)).toEqual(['2026-10-19T07:00:00.000Z', '2026-10-26T08:00:00.000Z', '2026-11-09T08:00:00.000Z']);
    expect(items.every((e) => e.id === series.id && e.recurringEventId === series.id && e.occurrenceStart === e.start)).toBe(
      true,
    );
    expect(items[1]?.end).toBe('2026-10-26T09:00:00.000Z');
  });

  it('lists events written past the service (an archive import) once the import upgrade has run; a start keeps current buckets', async () => {
    const user = await t.app.newUser();
    const mine = await createEvent(user, { title: 'Écrit ici' });
    const imported = await CalendarEventModel.collection.insertOne({
      ...new CalendarEventModel({
        userId: user.id,
        uid: 'importe@example.test',
        title: 'Importé',
        start: new Date('2026-11-12T09:00:00.000Z'),
        end: new Date('2026-11-12T10:00:00.000Z'),
        source: 'ics',
        createdAt: new Date(),
        updatedAt: new Date(),
      }).toObject(),
    });
    const listed = async () => (await range(user, '2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z')).items.map((e) => e.id);
    await calendarExports[0]!.upgrade!('start'); // the buckets' format is current: a start leaves them as they are
    expect(await listed()).toEqual([mine.id]);
    await calendarExports[0]!.upgrade!('import');
    expect(await listed()).toEqual([mine.id, String(imported.insertedId)]);
  });

  it('deleting a series deletes every occurrence; undo brings them back', async () => {
    const user = await t.app.newUser();
    const series = await createEvent(user, { recurrence: 'RRULE:FREQ=DAILY;COUNT=3', timeZone: 'UTC' });
    await user.call(routes.calendarEvents.remove, byId(series.id));
    expect((await range(user, '2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z')).items).toEqual([]);
    await user.call(routes.calendarEvents.restore, byId(series.id));
    expect((await range(user, '2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z')).items).toHaveLength(3);
  });
});

describe('calendar .ics import', () => {
  it('requires authentication', async () => {
    const res = await fetch(`${t.app.baseUrl}/api/calendar/imports`, { method: 'POST' });
    expect(res.status).toBe(401);
  });

  it('imports a moved occurrence: the override at its new time, the series around it, a cancelled one gone; again: nothing changes', async () => {
    const user = await t.app.newUser();
    const socket = await t.app.socket(user.token);
    const changed = nextEvent(socket, 'calendar.events.changed');
    const first = await importIcs(user, 'moved-occurrence.ics');
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ created: 2, updated: 0, unchanged: 0, skipped: 0, skips: [] });
    expect(await changed).toEqual({ source: 'ics', subscriptionId: null });
    const { items } = await range(user, '2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z');
    expect(items.map((e) => [e.title, e.start])).toEqual([
      ['Sync', '2026-11-02T14:00:00.000Z'],
      ['Sync', '2026-11-03T14:00:00.000Z'],
      ['Sync (déplacé)', '2026-11-04T16:00:00.000Z'],
      ['Sync', '2026-11-06T14:00:00.000Z'],
    ]);
    const moved = items[2]!;
    expect(moved.id).not.toBe(items[0]!.id);
    expect(moved).toMatchObject({ recurringEventId: items[0]!.id, occurrenceStart: '2026-11-04T14:00:00.000Z', source: 'ics' });
    expect((await importIcs(user, 'moved-occurrence.ics')).body).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
  });

  it('updates an imported event by its UID', async () => {
    const user = await t.app.newUser();
    await importIcs(user, 'floating-time.ics', fixture('floating-time.ics'), { timeZone: 'Europe/Paris' });
    const renamed = fixture('floating-time.ics').toString('utf8').replace('SUMMARY:Déjeuner', 'SUMMARY:Déjeuner avancé');
    expect((await importIcs(user, 'floating-time.ics', renamed, { timeZone: 'Europe/Paris' })).body).toMatchObject({
      created: 0,
      updated: 1,
    });
    const { items } = await range(user, '2026-07-01T00:00:00.000Z', '2026-08-01T00:00:00.000Z');
    expect(items.map((e) => [e.title, e.start])).toEqual([['Déjeuner avancé', '2026-07-15T10:30:00.000Z']]);
  });

  it('reads floating times in my Préférences’ zone when the upload names none', async () => {
    const user = await t.app.newUser();
    await user.call(routes.preferences.update, { body: { timeZone: 'America/New_York' } });
    await importIcs(user, 'floating-time.ics');
    const { items } = await range(user, '2026-07-01T00:00:00.000Z', '2026-08-01T00:00:00.000Z');
    expect(starts(items)).toEqual(['2026-07-15T16:30:00.000Z']);
  });

  it('keeps all-day events as days', async () => {
    const user = await t.app.newUser();
    await importIcs(user, 'all-day-multi-day.ics');
    const { items } = await range(user, '2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z');
    expect(items.map((e) => [e.title, e.allDay, e.start, e.end])).toEqual([
      ['Séminaire', true, '2026-12-07T00:00:00.000Z', '2026-12-09T00:00:00.000Z'],
      ['Vacances', true, '2026-12-24T00:00:00.000Z', '2026-12-27T00:00:00.000Z'],
    ]);
  });

  it('skips a VEVENT with a bad RRULE, saying why, and imports the rest', async () => {
    const user = await t.app.newUser();
    const res = await importIcs(user, 'bad-rrule.ics');
    expect(res.body).toMatchObject({ created: 1, skipped: 2 });
    expect(res.body.skips[0]).toMatchObject({ uid: 'bad-rule@example.test', reason: expect.stringContaining('FORTNIGHTLY') });
    expect(titles((await range(user, '2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z')).items)).toEqual(['Valide']);
  });

  it('caps the expansion of 100,000 occurrences and says so', async () => {
    const user = await t.app.newUser();
    expect((await importIcs(user, 'huge-recurrence.ics')).body).toMatchObject({ created: 1 });
    const { items, truncated } = await range(user, '2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z');
    expect(truncated).toBe(true);
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThanOrEqual(5000);
  });

  it('refuses a file that is not iCalendar with a 400 naming the file, and one over 10 MB with 413', async () => {
    const user = await t.app.newUser();
    const problem = expectProblem(await importIcs(user, 'budget.csv', 'date;amount\n2026-01-01;12'), 400);
    expect(problem.errors?.map((e) => e.path)).toEqual(['file']);
    const huge = Buffer.alloc(30 * 1024 * 1024, 'X-FILLER:0123456789\r\n');
    expectProblem(await importIcs(user, 'huge.ics', huge), 413);
    expect((await range(user, '2026-01-01T00:00:00.000Z', '2026-12-31T00:00:00.000Z')).items).toEqual([]);
  });

  it('imports into my calendar only', async () => {
    const [alice, bob] = [await t.app.newUser(), await t.app.newUser()];
    await importIcs(alice, 'weekly-rrule-exdate.ics');
    expect((await range(bob, '2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z')).items).toEqual([]);
    expect((await range(alice, '2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z')).items).toHaveLength(4);
  });
});

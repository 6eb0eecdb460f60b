// Calendar range reads: BENCH_CALENDAR_EVENTS (10,000) events of one user over a year, written
// straight into the database through the backend's model then its month buckets rebuilt once (the
// bench measures reading: an .ics import of 10,000 would also queue 10,000 search entries, indexed
// beside the measured reads), then `GET /api/calendar/events` for one month, p50/p95 over
// BENCH_CALENDAR_READS reads; again with 200 weekly series (Europe/Paris, begun a year earlier),
// imported as an .ics, expanded into that month.
// Beside it, what the naive read costs on the same database: the overlap query on the events
// collection (with a narrow projection), which MongoDB answers from { userId, start } but
// FerretDB by reading the whole collection. The API reads month buckets by `_id` instead
// (backend/src/modules/calendar/buckets.ts).
import { MongoClient, ObjectId } from 'mongodb';
import { connectDatabase, disconnectDatabase } from '../../backend/src/db/connect.ts';
import { rebuildBuckets } from '../../backend/src/modules/calendar/buckets.ts';
import { CalendarEventModel } from '../../backend/src/modules/calendar/model.ts';
import type { BenchDatabase } from './api-process.ts';
import { startBenchApi } from './api-process.ts';
import { percentile } from './load.ts';
import { post } from './requests.ts';

const EVENTS = Number(process.env.BENCH_CALENDAR_EVENTS ?? 10_000);
const SERIES = Number(process.env.BENCH_CALENDAR_SERIES ?? 200);
const READS = Number(process.env.BENCH_CALENDAR_READS ?? 50);
const YEAR_START = Date.UTC(2026, 0, 1);
const YEAR_MS = 365 * 86_400_000;
const MONTH = { from: '2026-06-01T00:00:00.000Z', to: '2026-07-01T00:00:00.000Z' };

function calendar(vevents: string[]) {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Panoramix bench//FR', ...vevents, 'END:VCALENDAR', ''].join('\r\n');
}

/** Singles spread evenly over 2026, one hour each, at a pseudo-random time of day, as an .ics import stores them. */
async function seedSingles(database: BenchDatabase, userId: string) {
  const started = performance.now();
  await connectDatabase(database.uri, database.name);
  try {
    const now = new Date();
    const docs = Array.from({ length: EVENTS }, (_, i) => {
      const start = YEAR_START + Math.floor((i * YEAR_MS) / EVENTS) + ((i * 7919) % 10) * 3_600_000;
      const event = new CalendarEventModel({
        userId,
        uid: `bench-${i}@example.test`,
        title: `Rendez-vous ${i}`,
        location: `Salle ${i % 40}`,
        start: new Date(start),
        end: new Date(start + 3_600_000),
        source: 'ics',
        createdAt: now,
        updatedAt: now,
      });
      return event.toObject();
    });
    for (let from = 0; from < docs.length; from += 1000)
      await CalendarEventModel.collection.insertMany(docs.slice(from, from + 1000));
    const written = performance.now();
    await rebuildBuckets(userId);
    return { writeMs: written - started, rebuildMs: performance.now() - written };
  } finally {
    await disconnectDatabase();
  }
}

/** Weekly series in Europe/Paris begun in 2025, each on a weekday and hour of its own. */
const series = () =>
  Array.from({ length: SERIES }, (_, i) =>
    [
      'BEGIN:VEVENT',
      `UID:bench-series-${i}@example.test`,
      `SUMMARY:Hebdo ${i}`,
      `DTSTART;TZID=Europe/Paris:202506${String(2 + (i % 7)).padStart(2, '0')}T${String(8 + (i % 10)).padStart(2, '0')}0000`,
      `DTEND;TZID=Europe/Paris:202506${String(2 + (i % 7)).padStart(2, '0')}T${String(9 + (i % 10)).padStart(2, '0')}0000`,
      i % 4 === 0 ? 'RRULE:FREQ=WEEKLY;INTERVAL=2' : 'RRULE:FREQ=WEEKLY',
      'END:VEVENT',
    ].join('\r\n'),
  );

async function importIcs(base: string, token: string, text: string) {
  const form = new FormData();
  form.append('file', new Blob([text], { type: 'text/calendar' }), 'bench.ics');
  const started = performance.now();
  const res = await fetch(`${base}/api/calendar/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  if (!res.ok) throw new Error(`import: ${res.status} ${await res.text()}`);
  return { ms: performance.now() - started, counts: (await res.json()) as { created: number } };
}

async function timed(reads: number, read: () => Promise<number>) {
  const latencies = new Float64Array(reads);
  let items = 0;
  for (let i = 0; i < reads; i++) {
    const started = performance.now();
    items = await read();
    latencies[i] = performance.now() - started;
  }
  latencies.sort();
  return { items, 'p50 ms': Math.round(percentile(latencies, 50)), 'p95 ms': Math.round(percentile(latencies, 95)) };
}

export async function calendarBench() {
  const api = await startBenchApi({ env: { ARGON2_MEMORY_KIB: '1024', ACCESS_TOKEN_TTL_SECONDS: '86400' } });
  const client = new MongoClient(api.database.uri);
  try {
    const session = await post(`${api.base}/api/auth/register`, { username: 'calendar_bench', password: 'bench-password-123' });
    const token = session.accessToken as string;
    const userId = new ObjectId(session.user.id as string);
    const events = client.db(api.database.name).collection('calendar_events');
    const apiRead = async () => {
      const res = await fetch(`${api.base}/api/calendar/events?from=${MONTH.from}&to=${MONTH.to}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (!res.ok) throw new Error(`range: ${res.status}`);
      return ((await res.json()) as { items: unknown[] }).items.length;
    };
    const naiveRead = async () =>
      (
        await events
          .find(
            { userId, start: { $lt: new Date(MONTH.to) }, end: { $gt: new Date(MONTH.from) } },
            { projection: { title: 1, start: 1, end: 1, allDay: 1, recurrence: 1 } },
          )
          .toArray()
      ).length;

    const seeded = await seedSingles(api.database, String(userId));
    console.log(
      `wrote ${EVENTS} events in ${Math.round(seeded.writeMs)} ms, their buckets rebuilt in ${Math.round(seeded.rebuildMs)} ms (${api.databaseKind})`,
    );
    const rows: Record<string, unknown>[] = [];
    rows.push({ read: `API month range, ${EVENTS} events`, ...(await timed(READS, apiRead)) });
    rows.push({ read: 'naive overlap query on calendar_events', ...(await timed(Math.min(READS, 10), naiveRead)) });
    const seriesImport = await importIcs(api.base, token, calendar(series()));
    console.log(`imported ${seriesImport.counts.created} series in ${Math.round(seriesImport.ms)} ms`);
    rows.push({ read: `API month range, + ${SERIES} weekly series expanded`, ...(await timed(READS, apiRead)) });
    console.log(`calendar (${api.databaseKind}, ${READS} sequential reads of ${MONTH.from.slice(0, 7)})`);
    console.table(rows);
  } finally {
    await client.close();
    await api.stop();
  }
}

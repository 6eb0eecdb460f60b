// Alarms fired by the server: BENCH_ALARMS (10,000) alarms of one user due within the same minute,
// written straight into the database, then the firing lag from each due time to its `alarm.fired`
// received on the owner's socket (goal: p95 < 2 s), on one API instance and on two sharing the
// database (each fires what it claims: every alarm must arrive exactly once).
// The scheduler (backend/src/modules/alarms/scheduler.ts) arms a timer per alarm due within two
// minutes and claims the alarms due together in one insert; the job runner alone polls every
// JOBS_POLL_MS (5 s), which would put p95 past 2 s. BENCH_ALARMS_INSTANCES=1 or 2 runs one setup;
// the p95 by tenth of the window shows where in the minute the lag comes from (a scan, a write).
import { MongoClient, ObjectId } from 'mongodb';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { startRedis } from '../../backend/test/processes.ts';
import { startBenchApi } from './api-process.ts';
import { percentile } from './load.ts';
import { post, sleep } from './requests.ts';

const ALARMS = Number(process.env.BENCH_ALARMS ?? 10_000);
/** Which setups run: `1`, `2` (instances), or both by default. */
const SETUPS = (process.env.BENCH_ALARMS_INSTANCES ?? '1,2').split(',');
const WINDOW_MS = 60_000;
/** Time for the inserts and a first scan before the first alarm is due. */
const LEAD_MS = 20_000;

interface Row {
  setup: string;
  alarms: number;
  fired: number;
  twice: number;
  'p50 ms': number;
  'p95 ms': number;
  'max ms': number;
}

function alarmDocs(userId: ObjectId, firstDue: number) {
  return Array.from({ length: ALARMS }, (_, i) => {
    const due = new Date(firstDue + Math.floor((i * WINDOW_MS) / ALARMS));
    const now = new Date();
    return {
      userId,
      title: `Alarm ${i}`,
      enabled: true,
      nextTriggerAt: due,
      recurrence: { type: 'none' },
      timeZone: 'UTC',
      anchorAt: due,
      snoozedUntilAt: null,
      done: false,
      acknowledgedAt: null,
      lastFiredAt: null,
      taskId: null,
      fireAt: due,
      revision: 0,
      createdAt: now,
      updatedAt: now,
    };
  });
}

async function scenario(setup: string, instances: number, env: Record<string, string> = {}): Promise<Row> {
  const api = await startBenchApi({ instances, env: { ARGON2_MEMORY_KIB: '1024', ...env } });
  const sockets: Socket[] = [];
  const client = new MongoClient(api.database.uri);
  try {
    const session = await post(`${api.base}/api/auth/register`, { username: 'alarms_bench', password: 'bench-password-123' });
    for (const base of api.bases) {
      const socket = io(base, { auth: { token: session.accessToken }, transports: ['websocket'], reconnection: false });
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('connect_error', reject);
      });
      sockets.push(socket);
    }
    // Every socket of the owner gets every firing once; the first socket's are counted.
    const firstDue = Date.now() + LEAD_MS;
    const lags = new Map<string, number>();
    let twice = 0;
    /** The lags by tenth of the window the alarms were due in: where in the minute the lag comes from. */
    const bySlice = Array.from({ length: 10 }, () => [] as number[]);
    sockets[0]!.on('alarm.fired', (event: { alarm: { id: string }; dueAt: string }) => {
      if (lags.has(event.alarm.id)) twice++;
      const lag = Date.now() - Date.parse(event.dueAt);
      lags.set(event.alarm.id, lag);
      bySlice[Math.min(9, Math.floor(((Date.parse(event.dueAt) - firstDue) * 10) / WINDOW_MS))]!.push(lag);
    });

    const inserting = performance.now();
    await client.connect();
    await client
      .db(api.database.name)
      .collection('alarms')
      .insertMany(alarmDocs(new ObjectId(String(session.user.id)), firstDue));
    console.log(`${setup}: ${ALARMS} alarms written in ${Math.round(performance.now() - inserting)} ms`);

    const deadline = firstDue + WINDOW_MS + 60_000;
    while (lags.size < ALARMS && Date.now() < deadline) await sleep(500);
    await sleep(5000); // a scan more on every instance: a second firing would show
    const p95s = bySlice.map((slice) => Math.round(percentile(Float64Array.from(slice).sort(), 95)));
    console.log(`${setup}: p95 ms by ${WINDOW_MS / 10000} s of the window: ${p95s.join(', ')}`);
    const sorted = Float64Array.from(lags.values()).sort();
    return {
      setup,
      alarms: ALARMS,
      fired: lags.size,
      twice,
      'p50 ms': Math.round(percentile(sorted, 50)),
      'p95 ms': Math.round(percentile(sorted, 95)),
      'max ms': Math.round(sorted[sorted.length - 1] ?? 0),
    };
  } finally {
    for (const socket of sockets) socket.disconnect();
    await client.close();
    await api.stop();
  }
}

export async function alarmsBench() {
  console.log(`\nalarms: ${ALARMS} due within one minute, lag from due time to alarm.fired received`);
  if (SETUPS.includes('1')) console.table([await scenario('1 instance', 1)]);
  if (!SETUPS.includes('2')) return;
  const redis = await startRedis();
  try {
    console.table([await scenario('2 instances + Redis', 2, { REDIS_URL: redis.url })]);
  } finally {
    await redis.stop();
  }
}

// Journal list: BENCH_JOURNAL_ENTRIES (10,000) lines of one user over three weeks, written straight
// into the database (the bench measures reading, not 10,000 sign-ups of lines), then their day
// documents rebuilt once as after an archive import (backend journal/days.ts); then, p50/p95 over
// BENCH_JOURNAL_READS reads: the tab's first page (100 lines), the whole journal read page by page as
// "Charger plus" does (100 a page), and the web client's grouping by day then hour
// (frontend/src/features/journal/group.ts) of all the lines in Europe/Paris.
import type { JournalEntry } from '@panoramix/contracts';
import { MongoClient, ObjectId } from 'mongodb';
import { connectDatabase, disconnectDatabase } from '../../backend/src/db/connect.ts';
import { rebuildDays } from '../../backend/src/modules/journal/days.ts';
import { groupByDayAndHour } from '../../frontend/src/features/journal/group.ts';
import { startBenchApi } from './api-process.ts';
import { percentile } from './load.ts';
import { post } from './requests.ts';

const ENTRIES = Number(process.env.BENCH_JOURNAL_ENTRIES ?? 10_000);
const READS = Number(process.env.BENCH_JOURNAL_READS ?? 20);
const PAGE = 100;
const SPAN_MS = 21 * 86_400_000;

async function timed<T>(reads: number, read: () => Promise<T> | T) {
  const latencies = new Float64Array(reads);
  let result: T | undefined;
  for (let i = 0; i < reads; i++) {
    const started = performance.now();
    result = await read();
    latencies[i] = performance.now() - started;
  }
  latencies.sort();
  return { result: result!, 'p50 ms': percentile(latencies, 50).toFixed(1), 'p95 ms': percentile(latencies, 95).toFixed(1) };
}

export async function journalBench() {
  const api = await startBenchApi({
    env: { ARGON2_MEMORY_KIB: '1024', ACCESS_TOKEN_TTL_SECONDS: '86400' },
    // The API's errors, printed: its logs are dropped otherwise, and a failure would show only as a closed socket.
    onLog: (entry) => {
      if (Number(entry.level) >= 50) console.error('API:', entry);
    },
  });
  const client = new MongoClient(api.database.uri);
  try {
    const session = await post(`${api.base}/api/auth/register`, { username: 'journal_bench', password: 'bench-password-123' });
    const headers = { authorization: `Bearer ${session.accessToken as string}` };
    const userId = new ObjectId(session.user.id as string);
    const now = Date.now();
    const docs = Array.from({ length: ENTRIES }, (_, i) => {
      const at = new Date(now - SPAN_MS + Math.floor((i * SPAN_MS) / ENTRIES));
      return {
        _id: new ObjectId(),
        userId,
        content: `Ligne ${i} : appel, décision ou note du jour`,
        createdAt: at,
        updatedAt: at,
      };
    });
    const written = performance.now();
    const collection = client.db(api.database.name).collection('journal_entries');
    for (let start = 0; start < docs.length; start += 1000) await collection.insertMany(docs.slice(start, start + 1000));
    const rebuilt = performance.now();
    await connectDatabase(api.database.uri, api.database.name);
    await rebuildDays(String(userId)).finally(disconnectDatabase);
    console.log(
      `wrote ${ENTRIES} journal lines in ${Math.round(rebuilt - written)} ms, their days rebuilt in ${Math.round(performance.now() - rebuilt)} ms (${api.databaseKind})`,
    );

    const page = async (cursor?: string) => {
      const query = new URLSearchParams({ limit: String(PAGE), ...(cursor ? { cursor } : {}) });
      const res = await fetch(`${api.base}/api/journal?${query}`, { headers });
      if (!res.ok) throw new Error(`list: ${res.status} ${await res.text()}`);
      return (await res.json()) as { items: JournalEntry[]; nextCursor: string | null };
    };
    const everything = async () => {
      const all: JournalEntry[] = [];
      let cursor: string | undefined;
      do {
        const next = await page(cursor);
        all.push(...next.items);
        cursor = next.nextCursor ?? undefined;
      } while (cursor);
      return all;
    };

    // Each figure printed as soon as it is measured: the whole read is long on a busy machine.
    const show = (read: string, items: number, figures: { 'p50 ms': string; 'p95 ms': string }) =>
      console.log(
        `journal (${api.databaseKind}, ${ENTRIES} lines over 21 days) ${read}: ${items} items, p50 ${figures['p50 ms']} ms, p95 ${figures['p95 ms']} ms`,
      );
    const first = await timed(READS, () => page());
    show(`GET /api/journal first page (${PAGE})`, first.result.items.length, first);
    // The grouping of what the web client would hold after reading everything, newest first.
    const listed: JournalEntry[] = docs
      .map((d) => ({
        id: String(d._id),
        userId: String(userId),
        content: d.content,
        createdAt: d.createdAt.toISOString(),
        updatedAt: d.updatedAt.toISOString(),
      }))
      .reverse();
    const grouped = await timed(READS, () => groupByDayAndHour(listed, 'Europe/Paris'));
    const hours = grouped.result.reduce((sum, day) => sum + day.hours.length, 0);
    show(`group by day then hour (${grouped.result.length} days, ${hours} hours)`, listed.length, grouped);
    const whole = await timed(1, everything);
    show(`whole journal, ${Math.ceil(ENTRIES / PAGE)} pages read one after another`, whole.result.length, whole);
  } finally {
    await client.close();
    await api.stop();
  }
}

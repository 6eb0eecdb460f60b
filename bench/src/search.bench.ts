// Search benchmark: the local provider's indexing rate, then exact vector search latency and
// memory in the embedded store at BENCH_SEARCH_ITEMS points (default 100k), in memory and
// persisted in the local database (BENCH_SEARCH_PERSISTED points, default 20k: FerretDB writes
// are the slow part).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { createHashingEmbedder } from '../../backend/src/ai/embeddings/hashing.ts';
import { pointId } from '../../backend/src/ai/text.ts';
import { createEmbeddedStore } from '../../backend/src/ai/vectors/embedded.ts';
import { Segment } from '../../backend/src/ai/vectors/segment.ts';
import type { PointPayload, VectorHit, VectorPoint } from '../../backend/src/ai/vectors/store.ts';
import { startDatabase } from '../../backend/src/db/local-server.ts';
import { percentile } from './load.ts';

const ITEMS = Number(process.env.BENCH_SEARCH_ITEMS ?? 100_000);
const PERSISTED = Math.min(ITEMS, Number(process.env.BENCH_SEARCH_PERSISTED ?? 20_000));
const QUERIES = 200;
const words =
  'budget meeting garden project deadline client invoice travel hiring roadmap design review release bug fix server cloud'.split(
    ' ',
  );
const kinds = ['task', 'note', 'project', 'link', 'line'];

/** Mixed items: short tasks and links, longer notes, from a small vocabulary plus unique words. */
const textOf = (i: number) => {
  const length = i % 5 === 1 ? 120 : 12;
  return Array.from({ length }, (_, j) => (j % 7 === 0 ? `item${i}x${j}` : words[(i * 31 + j * 17) % words.length])).join(' ');
};
const payloadOf = (i: number): PointPayload => ({
  userId: 'u',
  kind: kinds[i % kinds.length]!,
  id: String(i),
  title: `Item ${i}`,
  projectId: null,
  updatedAt: new Date(0).toISOString(),
  scope: 'user:u',
  chunk: 0,
});
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function timeQueries(search: (vector: number[]) => Promise<VectorHit[]> | VectorHit[], queries: number[][]) {
  const times = new Float64Array(queries.length);
  for (const [i, q] of queries.entries()) {
    const start = performance.now();
    await search(q);
    times[i] = performance.now() - start;
  }
  times.sort();
  return `p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}, p99 ${ms(percentile(times, 99))}`;
}

export async function searchBench() {
  const embedder = createHashingEmbedder();
  console.log(`\n## Search (${embedder.model}, ${embedder.dimension} dimensions)`);
  const embedStart = performance.now();
  const heapBefore = process.memoryUsage();
  const segment = new Segment(embedder.dimension!);
  for (let i = 0; i < ITEMS; i += 32) {
    const batch = Array.from({ length: Math.min(32, ITEMS - i) }, (_, j) => textOf(i + j));
    const vectors = await embedder.embed(batch);
    vectors.forEach((v, j) => segment.put(pointId('bench', String(i + j)), v, payloadOf(i + j)));
  }
  const seconds = (performance.now() - embedStart) / 1000;
  const heapAfter = process.memoryUsage();
  console.log(
    `local provider: embedded ${ITEMS} mixed items in ${seconds.toFixed(1)} s (${Math.round(ITEMS / seconds)} items/s)`,
  );
  console.log(
    `in-process exact index: ${ITEMS} points, memory +${mb(heapAfter.arrayBuffers - heapBefore.arrayBuffers)} vectors, ` +
      `+${mb(heapAfter.heapUsed - heapBefore.heapUsed)} heap (ids, payloads), rss ${mb(heapAfter.rss)}`,
  );
  const queries = await embedder.embed(
    Array.from({ length: QUERIES }, (_, i) => `${words[i % words.length]} ${words[(i * 7) % words.length]} plan`),
  );
  const inMemory = await timeQueries((q) => {
    const top: VectorHit[] = [];
    segment.scan(Float32Array.from(q), null, 60, top);
    return top;
  }, queries);
  console.log(`search over ${ITEMS} points of one user (worst case: one scope holds everything): ${inMemory}`);

  const dir = await mkdtemp(path.join(os.tmpdir(), 'panoramix-bench-search-'));
  const database = await startDatabase(dir, () => {});
  const client = await new MongoClient(database.uri).connect();
  try {
    const store = createEmbeddedStore({ db: client.db('bench_search'), collection: 'bench' });
    await store.ensure(embedder.dimension!);
    const writeStart = performance.now();
    for (let i = 0; i < PERSISTED; i += 500) {
      const texts = Array.from({ length: Math.min(500, PERSISTED - i) }, (_, j) => textOf(i + j));
      const vectors = await embedder.embed(texts);
      const points: VectorPoint[] = vectors.map((vector, j) => ({
        id: pointId('bench', String(i + j)),
        vector,
        payload: payloadOf(i + j),
      }));
      await store.upsert(points);
    }
    const writeSeconds = (performance.now() - writeStart) / 1000;
    console.log(
      `embedded store (${database.kind}): persisted ${PERSISTED} points in ${writeSeconds.toFixed(1)} s (${Math.round(PERSISTED / writeSeconds)} points/s)`,
    );
    const coldStart = performance.now();
    await store.search({ vector: queries[0]!, scopes: ['user:u'], limit: 60 });
    console.log(`cold load of the user's ${PERSISTED} points from the database: ${ms(performance.now() - coldStart)}`);
    const persisted = await timeQueries((q) => store.search({ vector: q, scopes: ['user:u'], limit: 60 }), queries);
    console.log(`search through the store at ${PERSISTED} points: ${persisted}`);
  } finally {
    await client.close();
    await database.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

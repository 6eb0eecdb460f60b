// Search benchmark (BENCH_ONLY=search): the local provider's embedding rate, then each embedded
// vector store candidate with the same points and queries (one user's scope, kind filter, top 60):
// write rate, search p50/p95/p99, memory, disk.
//   BENCH_SEARCH_ITEMS      points in the in-process index and in LanceDB (default 100,000)
//   BENCH_SEARCH_PERSISTED  points written through the embedded store to the local database the
//                           way the index worker writes them, 32 items per batch (default 20,000)
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { createEmbeddedStore } from '../../backend/src/ml/vectors/embedded.ts';
import { Segment } from '../../backend/src/ml/vectors/segment.ts';
import type { VectorHit, VectorStore } from '../../backend/src/ml/vectors/store.ts';
import { startDatabase } from '../../backend/src/db/local-server.ts';
import {
  KINDS,
  LIMIT,
  SCOPE,
  diskUsage,
  makeFixture,
  mb,
  ms,
  payloadOf,
  pointOf,
  rate,
  timeQueries,
  vectorOf,
} from './search-fixture.ts';
import type { Fixture } from './search-fixture.ts';
import { lanceDbCandidate } from './search-lancedb.ts';

const ITEMS = Number(process.env.BENCH_SEARCH_ITEMS ?? 100_000);
const PERSISTED = Math.min(ITEMS, Number(process.env.BENCH_SEARCH_PERSISTED ?? 20_000));
const EDITED = Math.min(PERSISTED, 160);
const BATCH = 32;

/** What the embedded store holds in memory for a scope; its results are the exact reference. */
async function inProcessCandidate(fixture: Fixture): Promise<VectorHit[][]> {
  const heapBefore = process.memoryUsage().heapUsed;
  const start = performance.now();
  const segment = new Segment(fixture.dimension);
  for (let i = 0; i < fixture.count; i++) segment.put(pointOf(fixture, i).id, vectorOf(fixture, i), payloadOf(i));
  console.log(
    `in-process exact index (WebAssembly SIMD): loaded ${rate(fixture.count, 'points', start)}; memory ${mb(segment.bytes)} ` +
      `vectors, +${mb(process.memoryUsage().heapUsed - heapBefore)} heap (ids, payloads)`,
  );
  const kinds = new Set(KINDS);
  const { figures, results } = await timeQueries(fixture, (q) => {
    const top: VectorHit[] = [];
    segment.scan(q, kinds, LIMIT, top);
    return top;
  });
  console.log(`  search, ${fixture.count} points in the scope, kinds ${KINDS.join('+')}: ${figures}`);
  return results;
}

/** Writes items `from`..`to` as the index worker does: per batch, remove the items, then upsert their points. */
async function writeLikeWorker(store: VectorStore, fixture: Fixture, from: number, to: number) {
  for (let i = from; i < to; i += BATCH) {
    const points = Array.from({ length: Math.min(BATCH, to - i) }, (_, j) => pointOf(fixture, i + j));
    await store.removeItems(points.map((p) => ({ kind: p.payload.kind, id: p.payload.id })));
    await store.upsert(points);
  }
}

/** The embedded store as `npm start` runs it: points persisted in the local database. */
async function persistedCandidate(fixture: Fixture) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'panoramix-bench-search-'));
  const database = await startDatabase(dir, () => {});
  const client = await new MongoClient(database.uri).connect();
  try {
    const store = createEmbeddedStore({ db: client.db('bench_search'), collection: 'bench' });
    await store.ensure(fixture.dimension);
    let start = performance.now();
    await writeLikeWorker(store, fixture, 0, PERSISTED);
    console.log(`embedded store on ${database.kind}: indexed ${rate(PERSISTED, 'new items', start)}`);
    start = performance.now();
    await writeLikeWorker(store, fixture, 0, EDITED);
    console.log(
      `  re-indexed ${rate(EDITED, 'edited items', start)} (one delete per batch, which ${database.kind} serves by a scan)`,
    );
    const search = (q: number[]) => store.search({ vector: q, scopes: [SCOPE], kinds: KINDS, limit: LIMIT });
    start = performance.now();
    await search(fixture.queries[0]!);
    console.log(`  first search loads the scope's ${PERSISTED} points from the database: ${ms(performance.now() - start)}`);
    console.log(`  search through the store at ${PERSISTED} points: ${(await timeQueries(fixture, search)).figures}`);
    console.log(`  disk: ${mb(diskUsage(dir))} (the whole database directory)`);
  } finally {
    await client.close();
    await database.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

export async function searchBench() {
  const fixture = await makeFixture(ITEMS);
  const reference = await inProcessCandidate(fixture);
  await lanceDbCandidate(fixture, reference);
  await persistedCandidate(fixture);
}

// The data every search candidate is measured on: BENCH_SEARCH_ITEMS mixed items of one user
// (short tasks and links, longer notes), embedded once by the local provider.
import { execFileSync } from 'node:child_process';
import { createHashingEmbedder } from '../../backend/src/ml/embeddings/hashing.ts';
import { pointId } from '../../backend/src/ml/text.ts';
import type { PointPayload, VectorHit, VectorPoint } from '../../backend/src/ml/vectors/store.ts';
import { percentile } from './load.ts';

export const SCOPE = 'user:u';
/** The kind filter every search applies (two of the five kinds: 40% of the points). */
export const KINDS = ['note', 'task'];
export const LIMIT = 60;
const QUERIES = 200;
const words =
  'budget meeting garden project deadline client invoice travel hiring roadmap design review release bug fix server cloud'.split(
    ' ',
  );
const kinds = ['task', 'note', 'project', 'link', 'line'];

const textOf = (i: number) => {
  const length = i % 5 === 1 ? 120 : 12;
  return Array.from({ length }, (_, j) => (j % 7 === 0 ? `item${i}x${j}` : words[(i * 31 + j * 17) % words.length])).join(' ');
};

export const payloadOf = (i: number): PointPayload => ({
  userId: 'u',
  kind: kinds[i % kinds.length]!,
  id: String(i),
  title: `Item ${i}`,
  projectId: null,
  updatedAt: new Date(0).toISOString(),
  scope: SCOPE,
  chunk: 0,
});

export interface Fixture {
  dimension: number;
  count: number;
  /** All vectors, one after the other (a number[] per point would weigh twice as much). */
  vectors: Float32Array;
  queries: number[][];
}

export const vectorOf = (fixture: Fixture, i: number) =>
  fixture.vectors.subarray(i * fixture.dimension, (i + 1) * fixture.dimension);

export const pointOf = (fixture: Fixture, i: number): VectorPoint => ({
  id: pointId('bench', String(i)),
  vector: Array.from(vectorOf(fixture, i)),
  payload: payloadOf(i),
});

/** Embeds the items with the local provider and prints its rate. */
export async function makeFixture(count: number): Promise<Fixture> {
  const embedder = createHashingEmbedder();
  const dimension = embedder.dimension!;
  console.log(`\n## Search (${embedder.model}, ${dimension} dimensions, ${count} mixed items of one user)`);
  const vectors = new Float32Array(count * dimension);
  const start = performance.now();
  for (let i = 0; i < count; i += 32) {
    const batch = Array.from({ length: Math.min(32, count - i) }, (_, j) => textOf(i + j));
    (await embedder.embed(batch)).forEach((v, j) => vectors.set(v, (i + j) * dimension));
  }
  const seconds = (performance.now() - start) / 1000;
  console.log(`local provider: embedded ${count} items in ${seconds.toFixed(1)} s (${Math.round(count / seconds)} items/s)`);
  const queries = await embedder.embed(
    Array.from({ length: QUERIES }, (_, i) => `${words[i % words.length]} ${words[(i * 7) % words.length]} plan`),
  );
  return { dimension, count, vectors, queries };
}

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
export const ms = (x: number) => `${x.toFixed(1)} ms`;
/** `20000 points in 7.1 s (2825/s)`. */
export const rate = (n: number, what: string, startedAt: number) => {
  const seconds = (performance.now() - startedAt) / 1000;
  return `${n} ${what} in ${seconds.toFixed(1)} s (${Math.round(n / seconds)}/s)`;
};
export const diskUsage = (dir: string) => Number(execFileSync('du', ['-sb', dir], { encoding: 'utf8' }).split('\t')[0]);

/** Runs every query once, in turn; returns the latency figures and the hits of each query. */
export async function timeQueries(fixture: Fixture, search: (vector: number[]) => Promise<VectorHit[]> | VectorHit[]) {
  const times = new Float64Array(fixture.queries.length);
  const results: VectorHit[][] = [];
  for (const [i, q] of fixture.queries.entries()) {
    const start = performance.now();
    results.push(await search(q));
    times[i] = performance.now() - start;
  }
  times.sort();
  const figures = `p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}, p99 ${ms(percentile(times, 99))}`;
  return { figures, results };
}

/**
 * Share of the top 10 ranks where another candidate finds a point as close as the reference's.
 * Scores, not ids: many points tie (half the queries tie at rank 10), and ties may come in any order.
 */
export function agreement(reference: VectorHit[][], other: VectorHit[][]) {
  let same = 0;
  reference.forEach((hits, q) =>
    hits.slice(0, 10).forEach((hit, rank) => {
      if (Math.abs(hit.score - (other[q]![rank]?.score ?? -Infinity)) < 1e-4) same++;
    }),
  );
  return `${((100 * same) / (reference.length * 10)).toFixed(1)}%`;
}

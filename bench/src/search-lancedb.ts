// LanceDB as the other embedded vector store candidate (a bench dependency only): the embedded
// store's operations on the same points — load, the index worker's delete-then-add per batch of
// edited items, search with the scope and kind filter — in a table on local disk.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as lancedb from '@lancedb/lancedb';
import type { PointPayload, VectorHit } from '../../backend/src/ml/vectors/store.ts';
import { KINDS, LIMIT, SCOPE, agreement, diskUsage, mb, ms, pointOf, rate, timeQueries } from './search-fixture.ts';
import type { Fixture } from './search-fixture.ts';

const LOAD_BATCH = 1000;
const EDIT_BATCH = 32;
const EDITED = 160;

const quoted = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

function rows(fixture: Fixture, from: number, to: number) {
  return Array.from({ length: to - from }, (_, j) => {
    const point = pointOf(fixture, from + j);
    const { kind, id, scope } = point.payload;
    return { id: point.id, scope, kind, item: `${kind}:${id}`, payload: JSON.stringify(point.payload), vector: point.vector };
  });
}

export async function lanceDbCandidate(fixture: Fixture, reference: VectorHit[][]) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'panoramix-bench-lancedb-'));
  const rssBefore = process.memoryUsage().rss;
  try {
    const db = await lancedb.connect(dir);
    let start = performance.now();
    const table = await db.createTable('points', rows(fixture, 0, Math.min(LOAD_BATCH, fixture.count)));
    for (let i = LOAD_BATCH; i < fixture.count; i += LOAD_BATCH)
      await table.add(rows(fixture, i, Math.min(i + LOAD_BATCH, fixture.count)));
    console.log(`LanceDB (exact: no vector index): loaded ${rate(fixture.count, 'points', start)}, ${LOAD_BATCH} per add`);
    start = performance.now();
    const edited = Math.min(EDITED, fixture.count);
    for (let i = 0; i < edited; i += EDIT_BATCH) {
      const batch = rows(fixture, i, Math.min(i + EDIT_BATCH, edited));
      await table.delete(`item IN (${quoted(batch.map((row) => row.item))})`);
      await table.add(batch);
    }
    console.log(`  re-indexed ${rate(edited, 'edited items', start)} (delete + add per batch of ${EDIT_BATCH})`);
    const versions = await table.version();
    start = performance.now();
    await table.optimize(); // compacts the many small fragments the adds left, as a real deployment would
    console.log(`  compaction of ${versions} table versions: ${ms(performance.now() - start)}`);
    const filter = `scope = '${SCOPE}' AND kind IN (${quoted(KINDS)})`;
    const { figures, results } = await timeQueries(fixture, async (q) => {
      const found = (await table.vectorSearch(q).distanceType('cosine').where(filter).limit(LIMIT).toArray()) as {
        id: string;
        payload: string;
        _distance: number;
      }[];
      return found.map((row) => ({ id: row.id, score: 1 - row._distance, payload: JSON.parse(row.payload) as PointPayload }));
    });
    console.log(`  search, ${fixture.count} points, kinds ${KINDS.join('+')}: ${figures}`);
    console.log(`  top 10 as close as the in-process (exact) index's: ${agreement(reference, results)}`);
    console.log(
      `  memory: rss +${mb(process.memoryUsage().rss - rssBefore)}; disk ${mb(diskUsage(dir))} ` +
        `(old versions kept by compaction for a week)`,
    );
    table.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

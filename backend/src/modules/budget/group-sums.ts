import type { Model } from 'mongoose';
import { ONE_BATCH } from '../../lib/filters.ts';

/**
 * Sums per group, one aggregation per sum: FerretDB v1.24 computes only the first accumulator
 * of a $group (the others come back 0; found by summary.test.ts), so a single pipeline with
 * several $sum would give other totals than MongoDB. Each pipeline is one $match and one $group
 * with one $sum, which both answer alike; the groups are joined here by their _id.
 */
export async function groupSums<Id extends Record<string, unknown>, Sum extends string>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any owned model
  model: Model<any>,
  match: Record<string, unknown>,
  id: Record<string, string>,
  sums: Record<Sum, string | 1>,
): Promise<(Record<Sum, number> & { _id: Id })[]> {
  const entries = Object.entries(sums) as [Sum, string | 1][];
  const results = await Promise.all(
    entries.map(
      ([, expression]) =>
        model
          .aggregate<{ _id: Id; sum: number }>([{ $match: match }, { $group: { _id: id, sum: { $sum: expression } } }])
          .option({ batchSize: ONE_BATCH }), // one batch: on FerretDB each getMore runs the pipeline again
    ),
  );
  const groups = new Map<string, Record<Sum, number> & { _id: Id }>();
  results.forEach((rows, i) => {
    const name = entries[i]![0];
    for (const row of rows) {
      const key = JSON.stringify(row._id);
      const group =
        groups.get(key) ??
        ({ _id: row._id, ...Object.fromEntries(entries.map(([n]) => [n, 0])) } as Record<Sum, number> & { _id: Id });
      group[name] = (row.sum ?? 0) as never;
      groups.set(key, group);
    }
  });
  return [...groups.values()];
}

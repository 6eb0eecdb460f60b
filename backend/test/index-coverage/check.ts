import { coverageOf, describeIndex, describeShape, suggestIndexes } from '../../src/db/index-coverage.ts';
import type { IndexSpec, QueryShape } from '../../src/db/index-coverage.ts';
import { allowedScans } from './allowed.ts';

/** What one test file's app asked the database: its query shapes and the indexes it created. */
export interface CoverageRecord {
  file: string;
  shapes: QueryShape[];
  indexes: Record<string, IndexSpec[]>;
}

export interface Uncovered {
  shape: QueryShape;
  reason: string;
  files: string[];
}

const keyOf = (index: IndexSpec) => JSON.stringify(index.key);

/** The query shapes no declared index serves (and no allow-list entry excuses), with the files that sent them. */
export function findUncovered(records: CoverageRecord[]) {
  const indexes = new Map<string, Map<string, IndexSpec>>();
  for (const record of records)
    for (const [collection, specs] of Object.entries(record.indexes)) {
      const known = indexes.get(collection) ?? new Map<string, IndexSpec>();
      for (const spec of specs) known.set(keyOf(spec), spec);
      indexes.set(collection, known);
    }
  const shapes = new Map<string, { shape: QueryShape; files: Set<string> }>();
  for (const record of records)
    for (const shape of record.shapes) {
      const key = describeShape(shape);
      const seen = shapes.get(key) ?? { shape, files: new Set<string>() };
      seen.files.add(record.file);
      shapes.set(key, seen);
    }
  const uncovered: Uncovered[] = [];
  let allowed = 0;
  const used = new Set<string>();
  for (const [key, { shape, files }] of shapes) {
    const coverage = coverageOf(shape, [...(indexes.get(shape.collection)?.values() ?? [])]);
    if (coverage.covered) for (const index of coverage.indexes) used.add(`${shape.collection} ${keyOf(index)}`);
    else if (key in allowedScans) allowed++;
    else uncovered.push({ shape, reason: coverage.reason, files: [...files].sort() });
  }
  // Unique indexes enforce a rule and TTL indexes expire documents: unused by queries is expected.
  const unused = [...indexes].flatMap(([collection, specs]) =>
    [...specs.values()]
      .filter((spec) => !spec.unique && !spec.ttl && !used.has(`${collection} ${keyOf(spec)}`))
      .map((spec) => `${collection} ${describeIndex(spec.key)}`),
  );
  // An index whose keys begin another index of the collection serves nothing that one cannot.
  const redundant = [...indexes].flatMap(([collection, specs]) => {
    const keys = [...specs.values()].map((spec) => Object.entries(spec.key).flat().join(' '));
    return [...specs.values()]
      .filter((spec, i) => !spec.unique && !spec.ttl && keys.some((other, j) => j !== i && other.startsWith(`${keys[i]} `)))
      .map((spec) => `${collection} ${describeIndex(spec.key)}`);
  });
  return { distinct: shapes.size, allowed, uncovered, unused, redundant };
}

/** The failure message: each query, why MongoDB would scan, who sent it, and the index to declare. */
export function describeUncovered(uncovered: Uncovered[], root = '') {
  return uncovered
    .map(({ shape, reason, files }) =>
      [
        `  ${describeShape(shape)}`,
        `    ${reason}`,
        `    sent by ${files.map((f) => f.replace(root, '')).join(', ')}`,
        `    add to the model of "${shape.collection}": ${suggestIndexes(shape)
          .map((key) => `schema.index(${describeIndex(key)})`)
          .join(' and ')}`,
      ].join('\n'),
    )
    .join('\n');
}

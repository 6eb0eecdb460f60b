import { expect, it } from 'vitest';
import { describeUncovered, findUncovered } from './check.ts';
import type { CoverageRecord } from './check.ts';

const shape = (collection: string, fields: Record<string, 'eq' | 'range'>, limited = true) => ({
  collection,
  command: 'find' as const,
  filter: { fields },
  sort: [],
  limited,
});

const records: CoverageRecord[] = [
  {
    file: 'src/a.test.ts',
    shapes: [shape('links', { userId: 'eq' }), shape('links', { url: 'eq' }), shape('links', {}, false)],
    indexes: { links: [{ key: { userId: 1 } }, { key: { userId: 1, _id: -1 } }, { key: { tag: 1 } }] },
  },
  { file: 'src/b.test.ts', shapes: [shape('links', { url: 'eq' })], indexes: {} },
];

it('names each query no index serves once, with every file that sent it, and the index to add', () => {
  const { distinct, allowed, uncovered } = findUncovered(records);
  // `links.find {}` (every link, as the export reads them) is accepted in allowed.ts.
  expect({ distinct, allowed, uncovered: uncovered.length }).toEqual({ distinct: 3, allowed: 1, uncovered: 1 });
  expect(describeUncovered(uncovered)).toBe(
    [
      '  links.find {url: eq} limited',
      '    collection scan: no index starts with a field of the filter',
      '    sent by src/a.test.ts, src/b.test.ts',
      '    add to the model of "links": schema.index({ url: 1 })',
    ].join('\n'),
  );
});

it('lists the indexes no query used, and those that begin another index', () => {
  const { unused, redundant } = findUncovered(records);
  expect(unused).toEqual(['links { userId: 1, _id: -1 }', 'links { tag: 1 }']);
  expect(redundant).toEqual(['links { userId: 1 }']);
});

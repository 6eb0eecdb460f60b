import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describeUncovered, findUncovered } from './check.ts';
import type { CoverageRecord } from './check.ts';

/**
 * The run's figures, printed once at the end: how many distinct query shapes the files sent, and
 * the declared indexes none of them used or that begin another index (each costs a build at every
 * FerretDB start and a write on every insert). Failing is the files' job (record.ts): a file's `afterAll` error fails the run
 * where it belongs, whereas an error here would only be logged after the summary.
 */
export async function summariseCoverage(dir: string) {
  const names = await readdir(dir);
  if (names.length === 0) return;
  const records = await Promise.all(
    names.map(async (name) => JSON.parse(await readFile(path.join(dir, name), 'utf8')) as CoverageRecord),
  );
  const { distinct, allowed, uncovered, unused, redundant } = findUncovered(records);
  console.log(
    `index coverage: ${distinct} distinct query shapes from ${records.length} files: ` +
      `${distinct - allowed - uncovered.length} served by an index, ${allowed} accepted in allowed.ts, ${uncovered.length} not served` +
      (uncovered.length ? `\n${describeUncovered(uncovered)}` : ''),
  );
  if (unused.length > 0) console.log(`indexes no recorded query used:\n  ${unused.join('\n  ')}`);
  if (redundant.length > 0) console.log(`indexes that begin another one (redundant):\n  ${redundant.join('\n  ')}`);
}

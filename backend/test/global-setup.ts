import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startDatabase } from '../src/db/local-server.ts';
import { summariseCoverage } from './index-coverage/summary.ts';
import { noMongod } from '../src/db/mongod-binary.ts';

/** One database server for the whole run; each test file then uses its own database in it. */
export default async function setup(project: TestProject) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'panoramix-test-db-'));
  const database = await startDatabase(dir, (msg) => console.log(msg), { find: noMongod });
  console.log(`database: ${database.kind} (${database.uri})`);
  project.provide('mongoUri', database.uri);
  const coverageDir = await mkdtemp(path.join(os.tmpdir(), 'panoramix-index-coverage-'));
  project.provide('indexCoverageDir', coverageDir);
  return async () => {
    await summariseCoverage(coverageDir);
    if (process.env.INDEX_COVERAGE_KEEP) console.log(`index coverage records kept in ${coverageDir}`);
    else await rm(coverageDir, { recursive: true, force: true });
    await database.stop();
    await rm(dir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    mongoUri: string;
    indexCoverageDir: string;
  }
}

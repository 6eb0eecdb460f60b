// Runs the desktop journeys (e2e/desktop/*.test.ts) against a fresh API and database, with the
// release binary that `node scripts/desktop.mjs test` (npm test's desktop step) built just before.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot, startStack } from '../support/stack.ts';
import { appBinary } from './desktop.ts';

if (!existsSync(appBinary)) throw new Error(`${appBinary} is missing: run node scripts/desktop.mjs build first`);

const dir = import.meta.dirname;
const stack = await startStack(path.join(repoRoot, 'frontend/dist'));
let code = 1;
try {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.test.ts')).sort();
  const runner = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...files], {
    cwd: dir,
    env: { ...process.env, E2E_BASE_URL: stack.baseUrl },
    stdio: 'inherit',
  });
  const [exitCode] = (await once(runner, 'exit')) as [number | null];
  code = exitCode ?? 1;
} finally {
  await stack.stop();
}
process.exit(code);

// `npm test`: the one command CI runs. Static checks first (fast failures), then the backend
// unit tier (no database) and its database tier (see TESTING.md), the web client's unit tests
// and build budget, then browser journeys.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureDependencies, hasWorkspace, root, run } from './setup.mjs';
import { ensureDebianPackages } from './system-packages.mjs';

ensureDependencies();
// The multi-instance socket tests run a real Redis; the deployment tests run nginx with our
// templates (rendered by envsubst, certificate from openssl) and shellcheck on every script.
ensureDebianPackages({
  'redis-server': 'redis-server',
  nginx: 'nginx',
  shellcheck: 'shellcheck',
  envsubst: 'gettext-base',
  openssl: 'openssl',
  mvn: 'maven', // the Android client's build
});

const reports = mkdtempSync(path.join(os.tmpdir(), 'panoramix-test-reports-'));
const vitestReport = (name) => path.join(reports, `${name.replaceAll(' ', '-')}.json`);
const vitest = (workspace, name, ...options) => [
  'npm',
  [
    'exec',
    '-w',
    workspace,
    '--',
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${vitestReport(name)}`,
    ...options,
  ],
];

const steps = [
  ['format', 'npx', ['prettier', '--check', '.']],
  ['lint', 'npx', ['eslint', '--max-warnings=0', '.']],
  ['typecheck', 'npm', ['run', 'typecheck']],
  ['backend unit', ...vitest('@panoramix/backend', 'backend unit', '--project=unit')],
  ['backend database', ...vitest('@panoramix/backend', 'backend database', '--project=database')],
];
// The Android client (core and app, see android/README.md): Maven builds and tests them on the JVM.
if (existsSync(path.join(root, 'android/pom.xml')))
  steps.push(['android', 'mvn', ['-B', '-ntp', 'verify', '-f', 'android/pom.xml']]);
if (hasWorkspace('frontend')) {
  steps.push(['frontend', ...vitest('@panoramix/frontend', 'frontend')]);
  steps.push(['frontend build', 'npm', ['run', 'build', '-w', '@panoramix/frontend']]);
}
if (hasWorkspace('e2e')) steps.push(['e2e', 'npm', ['run', 'test', '-w', '@panoramix/e2e']]);
// The desktop client: Rust tests and clippy, its release binary, and the WebDriver journey that drives it
// (cargo's target folder is cached outside the clone: scripts/desktop.mjs).
if (existsSync(path.join(root, 'frontend/src-tauri'))) steps.push(['desktop', 'node', ['scripts/desktop.mjs', 'test']]);

const failedSteps = [];
let passed = 0;
let failed = 0;
for (const [name, command, args] of steps) {
  console.log(`\n› ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const code = await run(command, args);
  console.log(`› ${name}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`} in ${Math.round((Date.now() - started) / 1000)} s`);
  // A vitest suite counts its tests; any other step counts as one check.
  const report = readReport(name);
  passed += report ? report.numPassedTests : code === 0 ? 1 : 0;
  failed += report ? report.numFailedTests : code === 0 ? 0 : 1;
  if (code !== 0) failedSteps.push(name);
  if (code !== 0 && ['format', 'lint', 'typecheck'].includes(name)) break; // no point testing code that does not build
}

function readReport(name) {
  try {
    return JSON.parse(readFileSync(vitestReport(name), 'utf8'));
  } catch {
    return undefined; // not a vitest step, or it crashed before reporting
  }
}

rmSync(reports, { recursive: true, force: true });
if (failedSteps.length > 0) console.log(`\nfailed steps: ${failedSteps.join(', ')}`);
// The closing line, in the plain form CI reads.
console.log(`\n${passed} passed, ${Math.max(failed, failedSteps.length)} failed`);
process.exit(failedSteps.length > 0 ? 1 : 0);

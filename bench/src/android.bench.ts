// The Android client's core on the JVM (issue 20): outbox sync of 1,000 tasks queued offline, after
// reconnect (items/s), and a cold sign-in to the first list. The measuring is Kotlin
// (android/core/src/test/.../ClientBenchmark.kt, against a real API it starts); this runs it through
// Maven and prints its figures.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../e2e/support/stack.ts';

export function androidBench(): Promise<void> {
  console.log('\n# android');
  if (spawnSync('sh', ['-c', 'command -v mvn'], { stdio: 'ignore' }).status !== 0) {
    console.log('not measured: mvn is missing (npm test installs it)');
    return Promise.resolve();
  }
  // Its own build folder, so a build running in android/core at the same time is left alone.
  const buildDir = path.join(os.tmpdir(), 'panoramix-android-bench');
  const maven = spawnSync(
    'mvn',
    [
      '-B',
      '-q',
      'verify',
      '-pl',
      'core',
      '-Dtest=ClientBenchmark',
      '-Dbench.excluded=none',
      `-Dcore.build.directory=${buildDir}`,
      '-Dmaven.test.redirectTestOutputToFile=true',
    ],
    { cwd: path.join(repoRoot, 'android'), stdio: 'inherit' },
  );
  if (maven.status !== 0) throw new Error(`the Android benchmark failed (mvn exit ${maven.status})`);
  const reports = path.join(buildDir, 'surefire-reports');
  const output = existsSync(reports)
    ? readdirSync(reports)
        .filter((file) => file.endsWith('-output.txt'))
        .map((file) => readFileSync(path.join(reports, file), 'utf8'))
        .join('')
    : '';
  for (const line of output.split('\n').filter((l) => l.startsWith('BENCH android')))
    console.log(line.replace('BENCH android ', ''));
  return Promise.resolve();
}

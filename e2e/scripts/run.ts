import { execSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot, startStack } from '../support/stack.ts';

// Runs every browser journey against a fresh database and backend, then cleans up.
// Builds nothing but the web client, and only when frontend/dist is missing.

const e2eDir = path.resolve(import.meta.dirname, '..');
const webDist = path.join(repoRoot, 'frontend/dist');

// Debian's Chromium (never a downloaded browser), and a colour emoji font: without it the chat's
// reactions and emoji render as empty boxes in the screenshots.
const aptPackages = {
  chromium: '/usr/bin/chromium',
  'fonts-noto-color-emoji': '/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf',
};
const missing = Object.entries(aptPackages).filter(([, file]) => !existsSync(file));
if (missing.length > 0) {
  const names = missing.map(([name]) => name).join(' ');
  console.log(`e2e: installing ${names} with apt…`);
  execSync(`apt-get update && apt-get install -y ${names}`, { stdio: 'inherit' });
}
if (!existsSync(path.join(webDist, 'index.html'))) {
  console.log('e2e: frontend/dist is missing, building the web client…');
  execSync('npm run build -w @panoramix/frontend', { cwd: repoRoot, stdio: 'inherit' });
}

const stack = await startStack(webDist);
let runner: ReturnType<typeof spawn> | undefined;
const stopAll = async () => {
  runner?.kill('SIGTERM');
  await stack.stop();
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void stopAll().finally(() => process.exit(130)));
}

let code = 1;
try {
  // Numbered files run one after another: 01 registers the instance's first account.
  const files = (await readdir(path.join(e2eDir, 'journeys')))
    .filter((f) => f.endsWith('.test.ts') && (!process.env.E2E_ONLY || f.includes(process.env.E2E_ONLY)))
    .sort();
  runner = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...files.map((f) => `journeys/${f}`)], {
    cwd: e2eDir,
    env: { ...process.env, E2E_BASE_URL: stack.baseUrl, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
    stdio: 'inherit',
  });
  const [exitCode] = (await once(runner, 'exit')) as [number | null];
  code = exitCode ?? 1;
} finally {
  await stack.stop();
}
process.exit(code);

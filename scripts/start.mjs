// `npm start`: installs what is missing, builds the web client when its sources changed,
// then runs the API (which starts a local database unless MONGODB_URI is set) on one port.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ensureDependencies, hasWorkspace, root, run } from './setup.mjs';

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

ensureDependencies();

if (hasWorkspace('frontend')) {
  const index = path.join(root, 'frontend/dist/index.html');
  const sources = [path.join(root, 'frontend/src'), path.join(root, 'packages/contracts/src')];
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  if (sources.some((dir) => newestMtime(dir) > built)) {
    console.log('› building the web client…');
    const code = await run('npm', ['run', 'build', '-w', '@panoramix/frontend']);
    if (code !== 0) process.exit(code);
  }
}

const env = { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'development' };
const envFile = path.join(root, '.env');
const nodeArgs = [...(existsSync(envFile) ? [`--env-file=${envFile}`] : []), '--import', 'tsx', 'backend/src/main.ts'];
process.exitCode = await run(process.execPath, nodeArgs, { env, cwd: root });

// Markdown rendering of adversarial text (chat messages and notes anyone in a room can send):
// 100,000 characters of backticks, asterisks, brackets, underscores and mixtures must render within
// a fixed budget. BENCH_MARKDOWN_CHARS (100000), BENCH_MARKDOWN_BUDGET_MS (100).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export async function markdownBench() {
  // The renderer is web code: its JSX compiles with the web client's settings, in a child process.
  const child = spawnSync(process.execPath, ['--import', 'tsx', 'bench/src/markdown-render.ts'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TSX_TSCONFIG_PATH: 'frontend/tsconfig.json', NODE_ENV: 'production' },
  });
  if (child.status !== 0) throw new Error('markdown rendering is over its budget (see the table above)');
}

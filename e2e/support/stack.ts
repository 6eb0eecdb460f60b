import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort, startDatabase } from '../../backend/src/db/local-server.ts';
import { noMongod } from '../../backend/src/db/mongod-binary.ts';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

export interface Stack {
  baseUrl: string;
  stop(): Promise<void>;
}

async function waitUntilReady(baseUrl: string, exited: () => boolean, logs: string[]): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (exited()) throw new Error(`the backend exited before it was ready:\n${logs.join('')}`);
    const ready = await fetch(`${baseUrl}/api/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the backend was not ready within 60 s:\n${logs.join('')}`);
}

/**
 * A fresh empty database and the real backend serving the built web client, on free loopback
 * ports, in a temporary folder removed by stop(). Fresh matters: the first journey registers
 * the instance's first account. `settings` adds to the backend's environment (a journey's own
 * stack with a language model, say).
 */
export async function startStack(webDist: string, settings: Record<string, string> = {}): Promise<Stack> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'panoramix-e2e-'));
  const env = { ...process.env };
  delete env.MONGODB_URI; // never reuse a developer's database: startDatabase would pick it
  delete process.env.MONGODB_URI;
  const database = await startDatabase(path.join(dir, 'db'), () => {}, { find: noMongod }); // tests never download
  const port = await freePort();
  const logs: string[] = [];
  const child = spawn(process.execPath, ['--import', 'tsx', 'backend/src/main.ts'], {
    cwd: repoRoot,
    env: {
      ...env,
      NODE_ENV: 'test',
      MONGODB_URI: database.uri,
      SEED_ADMIN: 'false',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: path.join(dir, 'data'),
      WEB_DIST: webDist,
      LOG_LEVEL: 'warn',
      ARGON2_MEMORY_KIB: '4096',
      ...settings,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
  const exit = once(child, 'exit');
  const baseUrl = `http://127.0.0.1:${port}`;

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exit;
        clearTimeout(timer);
      }
      await database.stop();
      await rm(dir, { recursive: true, force: true });
    })());

  try {
    await waitUntilReady(baseUrl, () => child.exitCode !== null, logs);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, stop };
}

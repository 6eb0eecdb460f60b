import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { freePort } from '../src/db/local-server.ts';

const backendDir = path.resolve(import.meta.dirname, '..');

export interface ApiProcess {
  child: ChildProcess;
  port: number;
  baseUrl: string;
  /** Every log line the process printed, to explain a failure. */
  logs: string[];
  exited: Promise<number | null>;
  kill: () => Promise<void>;
}

/**
 * Runs the real entry point in its own process (`src/main.ts` by default, or the image's bundle
 * with `entry: ['dist/main.js']`); resolves once it listens.
 */
export async function spawnApi(env: Record<string, string>, entry = ['--import', 'tsx', 'src/main.ts']): Promise<ApiProcess> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'panoramix-process-'));
  const child = spawn(process.execPath, entry, {
    cwd: backendDir,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      ARGON2_MEMORY_KIB: '4096',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const logs: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  void exited.then(() => rm(dataDir, { recursive: true, force: true }));
  const port = await new Promise<number>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      logs.push(line);
      const entry = JSON.parse(line) as { msg: string; port?: number };
      if (entry.msg === 'listening') resolve(entry.port!);
    });
    void exited.then(() => reject(new Error(`API process exited before listening:\n${logs.join('\n')}`)));
  });
  return {
    child,
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    logs,
    exited,
    kill: async () => {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** A throwaway Redis server on a free loopback port, persisting nothing. */
export async function startRedis() {
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Ready to accept connections')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

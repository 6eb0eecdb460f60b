import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient, ObjectId } from 'mongodb';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { mappings } from './collections/index.ts';
import { OWNER, awkwardDocuments, writeTestArchive } from './test-archive.ts';

const work = mkdtempSync(path.join(os.tmpdir(), 'panorama-resume-test-'));
const backendDir = path.resolve(import.meta.dirname, '../../..');
const client = new MongoClient(inject('mongoUri'));
// Six of the importer's 500-document batches: the kill lands after the first one and long before
// the last (checked below). Three runs of 10,000 passed 240 s on the loaded 2-core machine; of 3,000
// they took 198 s at load 16, hence the test's 360 s.
const TASKS = 3_000;
const userId = new ObjectId();
afterAll(async () => {
  await client.close();
  rmSync(work, { recursive: true, force: true });
});

const documents = awkwardDocuments();
for (let i = 0; i < TASKS; i++) {
  documents.tasks!.push({
    _id: `tBulk${String(i).padStart(12, '0')}`,
    userId: OWNER,
    title: `Tâche ${i}`,
    status: 'todo',
    notes: 'x'.repeat(200),
    createdAt: '2025-06-01T00:00:00.000Z',
  });
}
const archive = writeTestArchive(path.join(work, 'big.ndjson.gz'), documents);

async function newDatabase() {
  const name = `resume_${randomBytes(4).toString('hex')}`;
  await client
    .db(name)
    .collection('users')
    .insertOne({ _id: userId, username: 'mover', passwordHash: 'x', createdAt: new Date(), updatedAt: new Date() });
  return name;
}

/** `npm run panoramix -- import-panorama` in its own process. */
function runImport(db: string) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'import-panorama', archive, '--user', 'mover', '--keep-secret', 'openaiApiKey'],
    {
      cwd: backendDir,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        MONGODB_URI: inject('mongoUri'),
        MONGODB_DB: db,
        DATA_DIR: path.join(work, db),
        JWT_SECRET: 'k'.repeat(40),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

/** Every document the import writes, by collection, in `_id` order (secrets without their random IV). */
async function dump(db: string) {
  const names = [...new Set([...mappings.values()].map((m) => m.model.collection.collectionName)), 'panorama_pending'];
  const out: Record<string, unknown[]> = {};
  for (const name of names) out[name] = await client.db(db).collection(name).find({}).sort({ _id: 1 }).toArray();
  out.user_secrets = await client
    .db(db)
    .collection('user_secrets')
    .find({}, { projection: { name: 1, userId: 1 } })
    .sort({ _id: 1 })
    .toArray();
  return out;
}

describe('import-panorama killed mid-run', () => {
  it('finishes on a second run with the same result as one clean run', { timeout: 360_000 }, async () => {
    const clean = await newDatabase();
    const once = runImport(clean);
    // A file's bytes are missing (no --files-dir): not clean, exit code 2.
    expect(await once.exited, once.output()).toBe(2);

    const killed = await newDatabase();
    const first = runImport(killed);
    const tasks = client.db(killed).collection('tasks');
    await expect.poll(() => tasks.countDocuments(), { timeout: 120_000, interval: 20 }).toBeGreaterThan(0);
    first.child.kill('SIGKILL');
    await first.exited;
    const atKill = await tasks.countDocuments();
    expect(atKill).toBeLessThan(TASKS + 4);

    const second = runImport(killed);
    expect(await second.exited, second.output()).toBe(2);
    expect(second.output()).toMatch(
      new RegExp(`tasks → tasks: read ${TASKS + 4}, inserted \\d+, updated 0, unchanged \\d+, skipped 0`),
    );
    expect(await dump(killed)).toEqual(await dump(clean));
  });
});

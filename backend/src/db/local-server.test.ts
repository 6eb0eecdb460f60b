import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { recordEngine } from './engine-choice.ts';
import { startDatabase } from './local-server.ts';
import type { FindMongod } from './mongod-binary.ts';

// Starts real database servers in a folder of its own, so MONGODB_URI (the suite's database) is set aside.
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'panoramix-local-server-'));
  vi.stubEnv('MONGODB_URI', '');
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(dir, { recursive: true, force: true });
});

/** A mongod that "can be had" but cannot run: choosing it would fail the start. */
const fakeMongod: FindMongod = async () => ({ path: path.join(os.tmpdir(), 'no-such-mongod'), source: 'path' });

it('starts FerretDB again for a folder created with it, even when a mongod would be available', async () => {
  const first = await startDatabase(dir, () => {}, { find: async () => undefined });
  expect(first.kind).toBe('ferretdb');
  const client = await MongoClient.connect(first.uri);
  await client.db('app').collection('tasks').insertOne({ title: 'kept' });
  await client.close();
  await first.stop();
  expect(JSON.parse(await readFile(path.join(dir, 'engine.json'), 'utf8'))).toEqual({ engine: 'ferretdb' });

  const find = vi.fn(fakeMongod);
  const again = await startDatabase(dir, () => {}, { find });
  try {
    expect(again.kind).toBe('ferretdb');
    expect(find).not.toHaveBeenCalled(); // nothing looked up, nothing downloaded
    const reopened = await MongoClient.connect(again.uri);
    expect(
      await reopened
        .db('app')
        .collection('tasks')
        .findOne({}, { projection: { _id: 0 } }),
    ).toEqual({ title: 'kept' });
    await reopened.close();
  } finally {
    await again.stop();
  }
});

it('refuses to open a MongoDB folder with FerretDB when no mongod can be had', async () => {
  await recordEngine(dir, 'mongod');
  await expect(startDatabase(dir, () => {}, { find: async () => undefined })).rejects.toThrow(
    /holds a MongoDB database, but no mongod can be had/,
  );
});

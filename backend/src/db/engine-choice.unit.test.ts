import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseDatabase, readRecordedEngine, recordEngine } from './engine-choice.ts';
import type { ChoiceInput } from './engine-choice.ts';

const choose = (input: Partial<ChoiceInput>) =>
  chooseDatabase({ mongodbUri: undefined, recorded: undefined, mongodAvailable: false, dir: '/data/db', ...input });

describe('chooseDatabase', () => {
  it('uses MONGODB_URI whatever the folder holds and whatever is installed', () => {
    for (const recorded of [undefined, 'ferretdb', 'mongod'] as const) {
      for (const mongodAvailable of [false, true]) {
        expect(choose({ mongodbUri: 'mongodb://db:27017/', recorded, mongodAvailable })).toEqual({
          start: 'external',
          uri: 'mongodb://db:27017/',
        });
      }
    }
  });

  it('gives a new folder the production engine when a mongod can be had, else FerretDB', () => {
    expect(choose({ mongodAvailable: true })).toEqual({ start: 'mongod' });
    expect(choose({ mongodAvailable: false })).toEqual({ start: 'ferretdb' });
  });

  it('keeps FerretDB for a folder created with it, even once a mongod is available', () => {
    expect(choose({ recorded: 'ferretdb', mongodAvailable: true })).toEqual({ start: 'ferretdb' });
  });

  it('keeps mongod for a folder created with it', () => {
    expect(choose({ recorded: 'mongod', mongodAvailable: true })).toEqual({ start: 'mongod' });
  });

  it('refuses, saying what to do, rather than open an empty FerretDB over a MongoDB folder', () => {
    const choice = choose({ recorded: 'mongod', mongodAvailable: false });
    expect(choice).toEqual({ refuse: expect.stringContaining('/data/db holds a MongoDB database') });
    expect((choice as { refuse: string }).refuse).toMatch(/mongod is on PATH.*MONGODB_URI.*move that folder away/);
  });
});

describe('readRecordedEngine', () => {
  let dir: string;
  const folder = async () => (dir = await mkdtemp(path.join(os.tmpdir(), 'panoramix-engine-')));
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('reads back what recordEngine wrote', async () => {
    await recordEngine(await folder(), 'mongod');
    expect(await readRecordedEngine(dir)).toBe('mongod');
  });

  it('knows nothing of an empty or missing folder', async () => {
    expect(await readRecordedEngine(await folder())).toBeUndefined();
    expect(await readRecordedEngine(path.join(dir, 'missing'))).toBeUndefined();
  });

  it('recognises folders from before the record by their layout', async () => {
    await mkdir(path.join(await folder(), 'sqlite'));
    expect(await readRecordedEngine(dir)).toBe('ferretdb');
    await rm(path.join(dir, 'sqlite'), { recursive: true });
    await mkdir(path.join(dir, 'mongodb'));
    expect(await readRecordedEngine(dir)).toBe('mongod');
  });

  it('refuses a record naming an engine it does not know', async () => {
    await writeFile(path.join(await folder(), 'engine.json'), '{"engine":"postgres"}');
    await expect(readRecordedEngine(dir)).rejects.toThrow(/unknown database engine: "postgres"/);
  });
});

import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The engines a local data folder can hold: MongoDB's own server, or FerretDB on SQLite. */
export type LocalEngine = 'mongod' | 'ferretdb';

export type DatabaseChoice = { start: 'external'; uri: string } | { start: LocalEngine } | { refuse: string };

export interface ChoiceInput {
  /** `MONGODB_URI`, when set. */
  mongodbUri: string | undefined;
  /** The engine the data folder was created with; undefined for a new folder. */
  recorded: LocalEngine | undefined;
  /** Whether a mongod can be had: on PATH, in mongodb-memory-server's cache, or downloadable now. */
  mongodAvailable: boolean;
  /** The data folder, named in the refusal. */
  dir: string;
}

/**
 * Which database a start uses. A user with a mongod (or internet) gets the production engine;
 * offline, FerretDB. A folder keeps the engine it was created with: the other engine would open
 * an empty database there and the user would think their data gone.
 */
export function chooseDatabase({ mongodbUri, recorded, mongodAvailable, dir }: ChoiceInput): DatabaseChoice {
  if (mongodbUri) return { start: 'external', uri: mongodbUri };
  if (recorded === 'ferretdb') return { start: 'ferretdb' };
  if (recorded === 'mongod') {
    if (mongodAvailable) return { start: 'mongod' };
    return {
      refuse:
        `${dir} holds a MongoDB database, but no mongod can be had here (none on PATH, none cached, no download). ` +
        'Install MongoDB so that mongod is on PATH, connect to the internet once so it can be downloaded, ' +
        'or set MONGODB_URI to a MongoDB server. To start over with FerretDB instead, move that folder away.',
    };
  }
  return { start: mongodAvailable ? 'mongod' : 'ferretdb' };
}

const recordFile = (dir: string) => path.join(dir, 'engine.json');

/**
 * The engine recorded in `dir`. Folders from before the record existed are recognised by their
 * layout: FerretDB keeps its files in `sqlite/`, mongod in `mongodb/`.
 */
export async function readRecordedEngine(dir: string): Promise<LocalEngine | undefined> {
  if (existsSync(recordFile(dir))) {
    const { engine } = JSON.parse(await readFile(recordFile(dir), 'utf8')) as { engine: unknown };
    if (engine === 'mongod' || engine === 'ferretdb') return engine;
    throw new Error(`${recordFile(dir)} names an unknown database engine: ${JSON.stringify(engine)}`);
  }
  if (existsSync(path.join(dir, 'sqlite'))) return 'ferretdb';
  if (existsSync(path.join(dir, 'mongodb'))) return 'mongod';
  return undefined;
}

export async function recordEngine(dir: string, engine: LocalEngine): Promise<void> {
  await writeFile(recordFile(dir), `${JSON.stringify({ engine })}\n`);
}

import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import mongoose from 'mongoose';
import type { CommandStartedEvent } from 'mongodb';
import { afterAll, expect, inject } from 'vitest';
import { shapesOfCommand } from '../../src/db/index-coverage.ts';
import type { IndexSpec, QueryShape } from '../../src/db/index-coverage.ts';
import { describeUncovered, findUncovered } from './check.ts';
import type { CoverageRecord } from './check.ts';

/**
 * Set up in every file of the database tier: records each query the app sends (through the
 * driver's command monitoring) and each index it creates, then checks them when the file ends.
 * A query MongoDB would answer by collection scan fails the file's `afterAll`, naming the query
 * and the index it needs; the record also goes to the run's folder for the summary that
 * global-setup.ts prints at the end.
 */
const shapes = new Map<string, QueryShape>();
const indexes = new Map<string, Map<string, IndexSpec>>();

interface CreatedIndex {
  key: Map<string, unknown> | Record<string, unknown>; // the driver sends a Map, to keep the order
  unique?: boolean;
  partialFilterExpression?: unknown;
  expireAfterSeconds?: number;
}

function addIndex(collection: string, index: CreatedIndex) {
  const created = indexes.get(collection) ?? new Map<string, IndexSpec>();
  const key = index.key instanceof Map ? Object.fromEntries(index.key) : index.key;
  created.set(JSON.stringify(key), {
    key,
    unique: index.unique === true,
    partial: index.partialFilterExpression !== undefined,
    ttl: index.expireAfterSeconds !== undefined,
  });
  indexes.set(collection, created);
}

function record({ commandName, command }: CommandStartedEvent) {
  if (commandName === 'createIndexes') {
    for (const index of command.indexes as CreatedIndex[]) addIndex(String(command.createIndexes), index);
    return;
  }
  for (const shape of shapesOfCommand(commandName, command)) shapes.set(JSON.stringify(shape), shape);
}

/** The models' declared indexes, which MongoDB gets: on FerretDB only the unique ones are created (db/indexes.ts). */
function addDeclaredIndexes() {
  for (const model of Object.values(mongoose.models)) {
    for (const [key, options] of model.schema.indexes()) {
      const { unique, partialFilterExpression, expireAfterSeconds, expires } = options;
      addIndex(model.collection.collectionName, {
        key,
        unique: unique === true,
        partialFilterExpression,
        ...(expireAfterSeconds !== undefined || expires !== undefined
          ? { expireAfterSeconds: Number(expireAfterSeconds ?? 0) }
          : {}),
      });
    }
  }
}

// Monitoring is a client option fixed at connection; Mongoose creates the client synchronously.
const connect = mongoose.connect.bind(mongoose);
mongoose.connect = ((uri: string, options?: mongoose.ConnectOptions) => {
  const connecting = connect(uri, { ...options, monitorCommands: true });
  mongoose.connection.getClient().on('commandStarted', record);
  return connecting;
}) as typeof mongoose.connect;

// Registered first, so it runs after the file's own afterAll (hooks unwind as a stack): its app has closed.
afterAll(() => {
  addDeclaredIndexes();
  const file = path.relative(process.cwd(), expect.getState().testPath ?? 'unknown');
  const entry: CoverageRecord = {
    file,
    shapes: [...shapes.values()],
    indexes: Object.fromEntries([...indexes].map(([collection, created]) => [collection, [...created.values()]])),
  };
  writeFileSync(path.join(inject('indexCoverageDir'), `${randomBytes(6).toString('hex')}.json`), JSON.stringify(entry));
  const { uncovered } = findUncovered([entry]);
  if (uncovered.length > 0)
    throw new Error(
      `Index coverage: ${uncovered.length} quer${uncovered.length === 1 ? 'y' : 'ies'} MongoDB would not answer from an index ` +
        `(TESTING.md, "Index coverage"):\n${describeUncovered(uncovered)}`,
    );
});

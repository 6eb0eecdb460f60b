// Run as a child process by job-runner.test.ts: runs one job, stops the runner, closes the
// database, and must then end by itself (nothing left holding the event loop).
import { MongoClient } from 'mongodb';
import { createJobRunner } from '../src/jobs/runner.ts';
import { createLogger } from '../src/lib/logger.ts';

const [uri, dbName] = process.argv.slice(2) as [string, string];
const client = await MongoClient.connect(uri);
const runner = createJobRunner({ db: client.db(dbName), log: createLogger('silent'), pollMs: 100 });
let done: () => void = () => undefined;
const ran = new Promise<void>((resolve) => (done = resolve));
runner.define({ name: 'once', run: async () => done() });
await runner.start();
await runner.now('once');
await ran;
await runner.stop();
await client.close();
console.log('stopped');

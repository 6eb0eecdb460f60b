import path from 'node:path';
import { loadConfig } from '../config.ts';
import { startDatabase } from '../db/local-server.ts';
import { createLogger } from '../lib/logger.ts';
import { EventBus } from '../realtime/event-bus.ts';
import { createServices } from '../services.ts';
import { buildIndexes } from '../db/indexes.ts';
import { connectDatabase, disconnectDatabase } from '../db/connect.ts';
import { enqueueAll } from '../ml/index/indexer.ts';
import { queueStatus } from '../ml/index/queue.ts';
import { searchSources } from '../modules/search/registry.ts';

/**
 * `npm run reindex`: queues every indexed item of every user, then works through the backlog
 * here, printing progress. Safe while the API runs: both take batches from the same durable queue.
 */
async function main() {
  const config = loadConfig();
  const logger = createLogger('warn');
  const database = await startDatabase(path.join(config.dataDir, 'db'), () => {});
  await connectDatabase(database.uri, config.MONGODB_DB);
  await buildIndexes();
  const services = createServices({ config, logger, events: new EventBus(logger), jobs: { now: async () => {} } });
  const started = Date.now();
  const rate = (n: number) => `${Math.round((n * 1000) / Math.max(1, Date.now() - started))} items/s`;
  const queued = await enqueueAll(searchSources, (n) => process.stdout.write(`\rqueued ${n}`));
  console.log(`\rqueued ${queued} items`);
  const done = await services.indexer.worker.drain((n) => process.stdout.write(`\rindexed ${n}/${queued} (${rate(n)})`));
  console.log(`\rindexed ${done} items in ${((Date.now() - started) / 1000).toFixed(1)} s (${rate(done)})`);
  const queue = await queueStatus(); // the operator's view: the last error in full
  if (queue.failed > 0) console.log(`${queue.failed} failed; last error: ${queue.lastError?.reason}`);
  await disconnectDatabase();
  await database.stop();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

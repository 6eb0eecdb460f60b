import path from 'node:path';
import { ConfigError, loadConfig } from './config.ts';
import { startDatabase } from './db/local-server.ts';
import { createLogger } from './lib/logger.ts';
import { startServer } from './server.ts';

/** The process entry: config, database (external or local), server, and signal handling. */
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL);
  const database = await startDatabase(path.join(config.dataDir, 'db'), (msg) => logger.info(msg));
  logger.info({ database: database.kind }, `database: ${database.kind}`);
  const server = await startServer({ config, logger, mongoUri: database.uri, dbName: config.MONGODB_DB });

  const shutdown = (signal: string) => {
    logger.info({ signal }, 'signal received');
    server
      .close()
      .then(() => database.stop())
      .then(() => {
        // Everything is closed, so the event loop empties and the process ends by itself.
        // If something still holds it open, that is a bug: say so and exit non-zero.
        setTimeout(() => {
          logger.error({ resources: process.getActiveResourcesInfo() }, 'open handles after shutdown; forcing exit');
          process.exit(1);
        }, 5000).unref();
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

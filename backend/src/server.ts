import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import mongoose from 'mongoose';
import { createClient } from 'redis';
import { createApp } from './app.ts';
import type { Config } from './config.ts';
import { buildIndexes } from './db/indexes.ts';
import { connectDatabase, disconnectDatabase } from './db/connect.ts';
import { createJobRunner } from './jobs/runner.ts';
import type { Logger } from './lib/logger.ts';
import { seedDevAdmin } from './modules/auth/seed.ts';
import { chatRealtime } from './modules/chat/socket.ts';
import { exportedCollections } from './modules/export/collections.ts';
import { EventBus } from './realtime/event-bus.ts';
import { attachRealtime } from './realtime/socket.ts';
import { createServices } from './services.ts';

async function connectRedis(url: string) {
  const pub = createClient({ url });
  const sub = pub.duplicate();
  await Promise.all([pub.connect(), sub.connect()]);
  /**
   * Subscriber first: no more requests from other instances (presence asks them for their
   * sockets). One already being answered still publishes its reply, so the publisher stays a
   * moment longer; closing it at once rejected that reply (an unhandled rejection in the adapter).
   */
  async function close() {
    await sub.quit();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await pub.quit();
  }
  return { pub, sub, close };
}

/**
 * Starts everything one API instance runs: database connection, HTTP + Socket.io on one
 * port, the job runner. `close()` is the graceful shutdown: stop accepting, let requests
 * and jobs in flight finish, then close sockets, Redis and the database.
 */
export async function startServer(options: { config: Config; logger: Logger; mongoUri: string; dbName?: string }) {
  const { config, logger } = options;
  await connectDatabase(options.mongoUri, options.dbName);
  const redis = config.REDIS_URL ? await connectRedis(config.REDIS_URL) : undefined;

  const db = mongoose.connection.db;
  if (!db) throw new Error('database handle missing after connect');
  const jobs = createJobRunner({ db, log: logger, pollMs: config.JOBS_POLL_MS });
  const events = new EventBus(logger);
  const services = createServices({ config, logger, events, jobs, redis: redis?.pub });
  await buildIndexes();
  await services.errorLog.ensureCollection();
  for (const collection of exportedCollections) await collection.upgrade?.('start');
  if (config.seedAdmin) await seedDevAdmin(services.auth, logger);

  const app = createApp({ config, logger, services });
  const httpServer = createServer(app);
  const connections = new Set<Socket>();
  httpServer.on('connection', (socket) => {
    connections.add(socket);
    socket.on('close', () => connections.delete(socket));
  });
  const io = attachRealtime(httpServer, {
    events,
    authenticate: services.auth.authenticate,
    corsOrigins: config.CORS_ORIGINS,
    log: logger,
    redis,
    modules: [chatRealtime(services.chat, logger)],
  });

  for (const job of services.jobDefinitions) jobs.define(job);
  await jobs.start();
  await services.alarmScheduler.start(); // rings what came due while no server ran, marked late

  await new Promise<void>((resolve) => httpServer.listen(config.PORT, config.HOST, resolve));
  const { port } = httpServer.address() as AddressInfo;
  logger.info({ port, host: config.HOST }, 'listening');

  let closing: Promise<void> | undefined;
  function close() {
    closing ??= (async () => {
      logger.info('shutting down');
      // Requests in flight may finish; their keep-alive connections are closed as soon as they idle.
      const sweepIdle = setInterval(() => httpServer.closeIdleConnections(), 100);
      const forceClose = setTimeout(() => {
        for (const socket of connections) socket.destroy();
      }, config.SHUTDOWN_TIMEOUT_MS);
      // io.close() disconnects every socket and closes the HTTP server once its requests are done;
      // meanwhile the job runner stops polling and lets running jobs (and the indexer's run) finish.
      await Promise.all([io.close(), jobs.stop(), services.indexer.stop(), services.alarmScheduler.stop()]);
      clearInterval(sweepIdle);
      clearTimeout(forceClose);
      await redis?.close();
      await disconnectDatabase();
      logger.info('stopped');
    })();
    return closing;
  }

  return { port, app, io, services, events, jobs, close };
}

export type RunningServer = Awaited<ReturnType<typeof startServer>>;

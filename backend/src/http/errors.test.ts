import express from 'express';
import { MongoServerError } from 'mongodb';
import mongoose from 'mongoose';
import { pinoHttp } from 'pino-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, expectProblem, startTestApp } from '../../test/harness.ts';
import type { TestApp } from '../../test/harness.ts';
import { createLogger } from '../lib/logger.ts';
import { createErrorLog, ERRORS_COLLECTION } from '../modules/errors/service.ts';
import { errorHandler } from './errors.ts';

let app: TestApp;
let boom: ReturnType<typeof createClient>;
let close: () => void;
beforeAll(async () => {
  app = await startTestApp(); // for its database connection
  const logger = createLogger('silent');
  const failing = express();
  failing.use(pinoHttp({ logger, genReqId: () => 'req-test-1234' }));
  failing.get('/boom', () => {
    throw new Error('secret internal detail');
  });
  failing.get('/locked', () => {
    // What FerretDB answers when its SQLite lock wait runs out beside a long write.
    throw new MongoServerError({
      ok: 0,
      code: 1,
      errmsg: '[collection.go:191 sqlite.(*collection).UpdateAll] database is locked (5) (SQLITE_BUSY)',
    });
  });
  failing.use(errorHandler(createErrorLog({ capBytes: 1 << 20, log: logger })));
  const server = failing.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  boom = createClient(`http://127.0.0.1:${(server.address() as { port: number }).port}`);
  close = () => server.close();
});
afterAll(async () => {
  close();
  await app.close();
});

describe('unexpected errors', () => {
  it('answer 500 with the request id and no internals, and are kept in the capped errors collection', async () => {
    const res = await boom.get('/boom');
    const problem = expectProblem(res, 500);
    expect(problem.detail).toContain('req-test-1234');
    expect(JSON.stringify(problem)).not.toContain('secret internal detail');

    const collection = mongoose.connection.db!.collection(ERRORS_COLLECTION);
    await expect.poll(() => collection.countDocuments({ requestId: 'req-test-1234' })).toBe(1);
    const stored = await collection.findOne({ requestId: 'req-test-1234' });
    expect(stored).toMatchObject({ message: 'secret internal detail', method: 'GET', path: '/boom' });
    expect(await collection.isCapped()).toBe(true);
  });
});

describe('a busy database', () => {
  it('answers 503 with Retry-After, not 500: the same request succeeds a moment later', async () => {
    const res = await boom.get('/locked');
    const problem = expectProblem(res, 503);
    expect(problem.title).toBe('Database busy');
    expect(res.headers.get('retry-after')).toBe('2');
    expect(JSON.stringify(problem)).not.toContain('sqlite');
  });
});

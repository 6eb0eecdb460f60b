import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, inject } from 'vitest';
import { startTestApp } from './harness.ts';
import type { TestApp } from './harness.ts';
import { spawnApi, startRedis } from './processes.ts';
import type { ApiProcess } from './processes.ts';

export interface TwoInstances {
  /** The instance in this process (its services and database are at hand). */
  a: TestApp;
  /** The instance in a child process, as a second server would be. */
  b: ApiProcess;
}

/**
 * For one test file: two API instances (this process and a child process) sharing one database
 * (`<name>_<pid>`), one JWT secret and one real Redis, stopped after the file's tests.
 */
export function useTwoInstances(name: string, env: Record<string, string> = {}): TwoInstances {
  const instances = {} as TwoInstances;
  let redis: Awaited<ReturnType<typeof startRedis>> | undefined;
  beforeAll(async () => {
    redis = await startRedis();
    const shared = {
      REDIS_URL: redis.url,
      MONGODB_DB: `${name}_${process.pid}`,
      JWT_SECRET: randomBytes(32).toString('hex'),
      ...env,
    };
    instances.a = await startTestApp(shared);
    instances.b = await spawnApi({ ...shared, MONGODB_URI: inject('mongoUri') });
  });
  afterAll(async () => {
    await instances.a?.close();
    await instances.b?.kill();
    await redis?.stop();
  });
  return instances;
}

import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { tooManyRequests } from '../../http/problem.ts';

/** A counter of `points` per `duration` seconds and key, in Redis when given (shared by instances), in memory otherwise. */
export const createCounter = ({
  redis,
  ...options
}: {
  redis?: unknown;
  keyPrefix: string;
  points: number;
  duration: number;
}): RateLimiterAbstract =>
  redis ? new RateLimiterRedis({ ...options, storeClient: redis, useRedisPackage: true }) : new RateLimiterMemory(options);

/** The 429 problem for an exhausted counter, with Retry-After. */
export const refuse = (res: RateLimiterRes, detail: string) => {
  const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  return tooManyRequests(seconds, `${detail} Try again in ${seconds} s.`);
};

export interface LoginLimits {
  ipMax: number;
  userFailuresMax: number;
  windowSeconds: number;
  /** A node-redis client shares the counters between API instances; memory otherwise. */
  redis?: unknown;
}

/**
 * Two counters guard sign-in: every attempt from an IP (generous: a household shares one
 * address), and failed attempts against one username (slows guessing from many addresses).
 */
export function createLoginLimiter(limits: LoginLimits) {
  const perIp = createCounter({
    redis: limits.redis,
    keyPrefix: 'login-ip',
    points: limits.ipMax,
    duration: limits.windowSeconds,
  });
  const userFailures = createCounter({
    redis: limits.redis,
    keyPrefix: 'login-user',
    points: limits.userFailuresMax,
    duration: limits.windowSeconds,
  });

  /** Counts this attempt; throws 429 when either counter is exhausted. */
  async function admit(ip: string, username: string) {
    const failures = await userFailures.get(username);
    if (failures && failures.consumedPoints >= limits.userFailuresMax) {
      throw refuse(failures, 'Too many failed sign-ins for this account.');
    }
    try {
      await perIp.consume(ip);
    } catch (error) {
      if (error instanceof RateLimiterRes) throw refuse(error, 'Too many sign-in attempts from this address.');
      throw error;
    }
  }

  async function recordFailure(username: string) {
    await userFailures.penalty(username, 1);
  }

  async function recordSuccess(username: string) {
    await userFailures.delete(username);
  }

  return { admit, recordFailure, recordSuccess };
}

export type LoginLimiter = ReturnType<typeof createLoginLimiter>;

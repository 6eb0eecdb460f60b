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
  pairFailuresMax: number;
  userFailuresMax: number;
  backoffMaxSeconds: number;
  windowSeconds: number;
  /** A node-redis client shares the counters between API instances; memory otherwise. */
  redis?: unknown;
}

export interface LoginAttempt {
  ip: string;
  username: string;
  /** The request carries a live refresh token of this account: one of the owner's devices. */
  knownDevice: boolean;
}

/** The wait after the `failures`-th failure on one username: none before `free`, then 1 s, 2 s, 4 s… up to `max`. */
export const backoffSeconds = (failures: number, free: number, max: number) =>
  failures < free ? 0 : Math.min(max, 2 ** (failures - free));

/** Consumes a point, or throws the 429 problem when the counter is exhausted. */
async function take(counter: RateLimiterAbstract, key: string, detail: string, options?: { customDuration: number }) {
  try {
    await counter.consume(key, 1, options);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw refuse(error, detail);
    throw error;
  }
}

/**
 * Sign-in guards (README, "Sign-in limits"), each a counter per window:
 * - every attempt per IP (generous: a household shares one address);
 * - failures per (username, IP): one address guessing one account waits the window out;
 * - failures per username from every address: past a few, one attempt at a time, each after a
 *   delay that doubles per failure. A hard lock here would let anyone lock the owner out by
 *   failing from many addresses; the delay only slows guessing, and the owner's signed-in
 *   devices skip it.
 * Attempts are counted as they start, by atomic increments, so a burst of parallel guesses
 * cannot all slip in before the first failure is recorded.
 */
export function createLoginLimiter(limits: LoginLimits) {
  const counter = (keyPrefix: string, points: number) =>
    createCounter({ redis: limits.redis, keyPrefix, points, duration: limits.windowSeconds });
  const perIp = counter('login-ip', limits.ipMax);
  // Attempts since the pair's last success (which deletes the key): its failures.
  const perPair = counter('login-pair', limits.pairFailuresMax);
  // Attempts of unknown devices on a username, minus its successes: its failures.
  const userFailures = counter('login-user', limits.userFailuresMax);
  // Past the free failures: held by the one attempt let through, then blocked for the back-off if it fails.
  const userGate = counter('login-user-gate', 1);
  const pairKey = ({ ip, username }: LoginAttempt) => `${username}|${ip}`;

  /** Counts this attempt; throws 429 while any guard refuses it. */
  async function admit(attempt: LoginAttempt) {
    await take(perIp, attempt.ip, 'Too many sign-in attempts from this address.');
    await take(perPair, pairKey(attempt), 'Too many failed sign-ins for this account from this address.');
    if (attempt.knownDevice) return;
    const { consumedPoints } = await userFailures.penalty(attempt.username, 1);
    const wait = backoffSeconds(consumedPoints - 1, limits.userFailuresMax, limits.backoffMaxSeconds);
    if (wait === 0) return;
    try {
      await take(userGate, attempt.username, 'Too many failed sign-ins for this account.', { customDuration: wait });
    } catch (error) {
      // A refused attempt is no failure: neither the username nor the pair counts it.
      await Promise.all([userFailures.reward(attempt.username, 1), perPair.reward(pairKey(attempt), 1)]);
      throw error;
    }
  }

  async function recordFailure(attempt: LoginAttempt) {
    if (attempt.knownDevice) return;
    const failures = (await userFailures.get(attempt.username))?.consumedPoints ?? 0;
    const wait = backoffSeconds(failures, limits.userFailuresMax, limits.backoffMaxSeconds);
    if (wait > 0) await userGate.block(attempt.username, wait);
  }

  /** The pair starts afresh; the username keeps its failures, or one success would reset an attack on it. */
  async function recordSuccess(attempt: LoginAttempt) {
    await perPair.delete(pairKey(attempt));
    if (!attempt.knownDevice) await userFailures.reward(attempt.username, 1);
  }

  return { admit, recordFailure, recordSuccess };
}

export type LoginLimiter = ReturnType<typeof createLoginLimiter>;

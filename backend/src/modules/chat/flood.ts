import { RateLimiterRes } from 'rate-limiter-flexible';
import { createCounter, refuse } from '../auth/rate-limit.ts';

/** Messages one person may send to one room per window: a burst is fine, a flood is refused. */
export const FLOOD_MESSAGES = 20;
export const FLOOD_WINDOW_SECONDS = 10;

/** Counts sends per user and room (in Redis when several instances share it); 429 with Retry-After beyond the limit. */
export function createFloodGuard(options: { redis?: unknown }) {
  const counter = createCounter({
    redis: options.redis,
    keyPrefix: 'chat-send',
    points: FLOOD_MESSAGES,
    duration: FLOOD_WINDOW_SECONDS,
  });
  return async function admit(userId: string, roomId: string) {
    try {
      await counter.consume(`${userId}:${roomId}`);
    } catch (error) {
      if (error instanceof RateLimiterRes) {
        throw refuse(error, `You may send at most ${FLOOD_MESSAGES} messages per ${FLOOD_WINDOW_SECONDS} s in one room.`);
      }
      throw error;
    }
  };
}

import type { Config } from './config.ts';
import type { Logger } from './lib/logger.ts';
import { createLoginLimiter } from './modules/auth/rate-limit.ts';
import { createAuthService } from './modules/auth/service.ts';
import { createTokenService } from './modules/auth/tokens.ts';
import { createErrorLog } from './modules/errors/service.ts';
import { createLinkService } from './modules/links/service.ts';
import { createPreferencesService } from './modules/preferences/service.ts';
import { createUserService } from './modules/users/service.ts';
import type { EventBus } from './realtime/event-bus.ts';

export interface ServiceDeps {
  config: Config;
  logger: Logger;
  events: EventBus;
  /** A connected node-redis client when REDIS_URL is set. */
  redis?: unknown;
}

/** Wires every feature service once; routes, sockets and jobs all use these instances. */
export function createServices({ config, logger, events, redis }: ServiceDeps) {
  const tokens = createTokenService({
    secret: config.jwtSecret,
    accessTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
    refreshTtlDays: config.REFRESH_TOKEN_TTL_DAYS,
  });
  const limiter = createLoginLimiter({
    ipMax: config.LOGIN_IP_MAX,
    userFailuresMax: config.LOGIN_USER_FAILURES_MAX,
    windowSeconds: config.LOGIN_WINDOW_SECONDS,
    redis,
  });
  const auth = createAuthService({
    tokens,
    limiter,
    allowRegistration: config.allowRegistration,
    accessTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
    argon2MemoryKib: config.ARGON2_MEMORY_KIB,
  });
  return {
    tokens,
    auth,
    users: createUserService({ auth, tokens }),
    preferences: createPreferencesService({ events }),
    links: createLinkService({ events }),
    errorLog: createErrorLog({ capBytes: config.ERRORS_COLLECTION_BYTES, log: logger }),
  };
}

export type Services = ReturnType<typeof createServices>;

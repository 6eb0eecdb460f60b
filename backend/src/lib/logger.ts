import { pino } from 'pino';
import type { Logger } from 'pino';

/** Paths never written to the logs, whatever logs them. */
export const redactPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.accessToken',
  '*.refreshToken',
  '*.token',
  'token',
];

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'panoramix-api' },
    redact: { paths: redactPaths, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}

export type { Logger };

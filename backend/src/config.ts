import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ipaddr from 'ipaddr.js';
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const csv = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);

/**
 * The desktop app's web view (Tauri 2: `tauri://localhost` on Linux and macOS, `http://tauri.localhost` on
 * Windows) runs the bundled web build and calls whichever server its user chose, so every server accepts
 * it, whatever CORS_ORIGINS lists. No web page can claim these origins; a script outside a browser can
 * send any Origin anyway, and it still needs a token.
 */
export const DESKTOP_ORIGINS = ['tauri://localhost', 'http://tauri.localhost'];

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).transform((v) => v.replace(/\/+$/, ''));
const llmProvider = z.enum(['none', 'ollama', 'openai']);

/** Every variable the process reads. `.env.example` documents the same list with the same defaults. */
const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    // Loopback unless asked: a dev server (seeded admin, open registration) is not for the network.
    HOST: z.string().default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3002),
    MONGODB_URI: z
      .string()
      .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb://')
      .optional(),
    MONGODB_DB: z
      .string()
      .regex(/^[\w-]{1,63}$/, 'must be a database name')
      .default('panoramix'),
    DATA_DIR: z.string().default('./data'),
    UPLOADS_DIR: z.string().optional(),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(900),
    REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    ALLOW_REGISTRATION: bool.optional(),
    SEED_ADMIN: bool.optional(),
    CORS_ORIGINS: csv.default(['http://localhost:5173']).transform((origins) => [...new Set([...origins, ...DESKTOP_ORIGINS])]),
    TRUST_PROXY: z.string().default('loopback'),
    BODY_LIMIT: z.string().default('1mb'),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'must start with redis://')
      .optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    LOGIN_IP_MAX: z.coerce.number().int().min(1).default(100),
    LOGIN_PAIR_FAILURES_MAX: z.coerce.number().int().min(1).default(10),
    LOGIN_USER_FAILURES_MAX: z.coerce.number().int().min(1).default(10),
    LOGIN_BACKOFF_MAX_SECONDS: z.coerce.number().int().min(1).default(120),
    LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
    ARGON2_MEMORY_KIB: z.coerce.number().int().min(1024).default(19_456),
    ERRORS_COLLECTION_BYTES: z.coerce
      .number()
      .int()
      .min(4096)
      .default(8 * 1024 * 1024),
    WEB_DIST: z.string().default('./frontend/dist'),
    JOBS_POLL_MS: z.coerce.number().int().min(100).default(5000),
    ALARMS_SCAN_MS: z.coerce.number().int().min(100).default(5000),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
    EMBEDDINGS_PROVIDER: z.enum(['local', 'ollama', 'openai']).default('local'),
    EMBEDDINGS_MODEL: z.string().optional(),
    OLLAMA_URL: httpUrl.default('http://127.0.0.1:11434'),
    OPENAI_BASE_URL: httpUrl.default('https://api.openai.com/v1'),
    OPENAI_API_KEY: z.string().optional(),
    QDRANT_URL: httpUrl.optional(),
    QDRANT_API_KEY: z.string().optional(),
    QDRANT_COLLECTION: z
      .string()
      .regex(/^[\w-]{1,100}$/, 'must be letters, digits, _ or -')
      .default('panoramix'),
    AI_CHAT_PROVIDER: llmProvider.default('none'),
    AI_CHAT_MODEL: z.string().optional(),
    AI_SUMMARY_PROVIDER: llmProvider.optional(),
    AI_SUMMARY_MODEL: z.string().optional(),
    AI_TIMEOUT_MS: z.coerce.number().int().min(100).default(60_000),
    // The outbound fetch guard's test allowance (lib/safe-fetch.ts): addresses it lets through although private.
    OUTBOUND_ALLOW_ADDRESSES: csv.default([]),
    // Who runs this instance, for push services to reach (the VAPID `sub` claim, RFC 8292): a mailto: or https: address.
    PUSH_CONTACT: z
      .string()
      .regex(/^(mailto:|https:\/\/)\S+$/, 'must be a mailto: or https:// address')
      .default('mailto:admin@panoramix.invalid'),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.JWT_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'is required in production (32+ random characters)' });
    }
    if (env.NODE_ENV === 'production' && env.OUTBOUND_ALLOW_ADDRESSES.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['OUTBOUND_ALLOW_ADDRESSES'],
        message: 'is for tests: production never fetches private addresses',
      });
    }
    for (const entry of env.OUTBOUND_ALLOW_ADDRESSES) {
      if (!ipaddr.isValid(entry) && !ipaddr.isValidCIDR(entry)) {
        ctx.addIssue({
          code: 'custom',
          path: ['OUTBOUND_ALLOW_ADDRESSES'],
          message: `${entry} is not an IP address or CIDR range`,
        });
      }
    }
  });

export type Config = ReturnType<typeof finish>;

/** The names of every variable read, for checks that the documentation lists them all. */
export const configVariables = Object.keys(schema.shape);

function finish(env: z.output<typeof schema>) {
  const production = env.NODE_ENV === 'production';
  const dataDir = path.resolve(env.DATA_DIR);
  return {
    ...env,
    production,
    dataDir,
    uploadsDir: path.resolve(env.UPLOADS_DIR ?? path.join(dataDir, 'uploads')),
    webDist: path.resolve(env.WEB_DIST),
    jwtSecret: env.JWT_SECRET ?? devSecret(dataDir),
    allowRegistration: env.ALLOW_REGISTRATION ?? !production,
    seedAdmin: env.SEED_ADMIN ?? env.NODE_ENV === 'development',
  };
}

/** Outside production a missing secret is generated once and kept in the data folder, so sessions survive restarts. */
function devSecret(dataDir: string): string {
  const file = path.join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export class ConfigError extends Error {}

/** Parses the environment once; throws a readable list of every bad variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (`REDIS_URL=`) means "not set", as in most .env files.
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''));
  const result = schema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return finish(result.data);
}

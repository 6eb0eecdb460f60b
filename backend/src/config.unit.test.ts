import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, configVariables, loadConfig } from './config.ts';

describe('configuration', () => {
  it('refuses to start in production without a JWT secret', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: is required in production/);
  });

  it('lists every bad variable at once', () => {
    try {
      loadConfig({ PORT: 'eighty', MONGODB_URI: 'postgres://x', LOG_LEVEL: 'chatty', DATA_DIR: '/tmp/pnx-config-test' });
      expect.unreachable();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toMatch(/PORT/);
      expect(message).toMatch(/MONGODB_URI: must start with mongodb:\/\//);
      expect(message).toMatch(/LOG_LEVEL/);
    }
  });

  it('keeps the outbound guard whole in production: its test allowance is refused there', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'p'.repeat(40) };
    expect(loadConfig(production).OUTBOUND_ALLOW_ADDRESSES).toEqual([]);
    expect(() => loadConfig({ ...production, OUTBOUND_ALLOW_ADDRESSES: '127.0.0.1' })).toThrow(
      /OUTBOUND_ALLOW_ADDRESSES: is for tests/,
    );
    const test = { NODE_ENV: 'test', DATA_DIR: '/tmp/pnx-config-test' };
    expect(loadConfig({ ...test, OUTBOUND_ALLOW_ADDRESSES: '127.0.0.1, 10.0.0.0/8' }).OUTBOUND_ALLOW_ADDRESSES).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
    ]);
    expect(() => loadConfig({ ...test, OUTBOUND_ALLOW_ADDRESSES: 'localhost' })).toThrow(/localhost is not an IP address/);
  });

  it('closes registration and drops the dev seed by default in production', () => {
    const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'p'.repeat(40) });
    expect(config.allowRegistration).toBe(false);
    expect(config.seedAdmin).toBe(false);
    expect(config.PORT).toBe(3002);
  });

  it('listens on loopback only unless HOST says otherwise', () => {
    const dev = loadConfig({ NODE_ENV: 'development', DATA_DIR: '/tmp/pnx-config-test' });
    expect(dev.HOST).toBe('127.0.0.1');
    expect(dev.seedAdmin).toBe(true); // the seeded david/test123 stays off the network
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'p'.repeat(40) }).HOST).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0', DATA_DIR: '/tmp/pnx-config-test' }).HOST).toBe('0.0.0.0');
  });

  it('treats empty variables as unset', () => {
    const config = loadConfig({ REDIS_URL: '', JWT_SECRET: 'p'.repeat(40), DATA_DIR: '/tmp/pnx-config-test' });
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.allowRegistration).toBe(true);
  });
});

describe('.env.example', () => {
  it('documents every variable the process reads, and no other', () => {
    const text = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
    const documented = [...text.matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]);
    expect(new Set(documented)).toEqual(new Set(configVariables));
  });
});

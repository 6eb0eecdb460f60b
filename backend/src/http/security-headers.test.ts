import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness.ts';

const web = mkdtempSync(path.join(os.tmpdir(), 'panoramix-web-'));
writeFileSync(path.join(web, 'index.html'), '<!doctype html><div id="root"></div>');
const ctx = useTestApp({ WEB_DIST: web });

const policyOf = async (url: string, accept = '*/*') => {
  const res = await fetch(ctx.app.baseUrl + url, { headers: { accept } });
  expect(res.status, url).toBe(200);
  return Object.fromEntries(
    (res.headers.get('content-security-policy') ?? '').split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );
};

describe('Content-Security-Policy', () => {
  it('lets the app shell and the API reach their own origin only: no other host, no inline style or script', async () => {
    for (const [url, accept] of [
      ['/', 'text/html'],
      ['/api/health', 'application/json'],
    ] as const) {
      const policy = await policyOf(url, accept);
      expect(policy, url).toEqual({
        'default-src': "'self'",
        'base-uri': "'self'",
        'font-src': "'self'",
        'form-action': "'self'",
        'frame-ancestors': "'self'",
        'img-src': "'self' data: blob:",
        'object-src': "'none'",
        'script-src': "'self'",
        'script-src-attr': "'none'",
        'style-src': "'self'",
        'connect-src': "'self'",
      });
    }
  });

  it('allows inline styles on the API reference page alone, which Swagger UI writes', async () => {
    const policy = await policyOf('/api/docs/', 'text/html');
    expect(policy).toMatchObject({ 'style-src': "'self' 'unsafe-inline'", 'script-src': "'self'", 'connect-src': "'self'" });
  });
});

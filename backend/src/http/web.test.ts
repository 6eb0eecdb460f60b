import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { routes } from '@panoramix/contracts';
import { useTestApp } from '../../test/harness.ts';

// A build as vite writes it: index.html, a hashed chunk with its .br and .gz copies.
const web = mkdtempSync(path.join(os.tmpdir(), 'panoramix-web-'));
const chunk = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `mot-${i}`))};`;
mkdirSync(path.join(web, 'assets'));
writeFileSync(path.join(web, 'index.html'), '<!doctype html><div id="root"></div>');
writeFileSync(path.join(web, 'assets', 'index-Bx7d2Kq1.js'), chunk);
writeFileSync(path.join(web, 'assets', 'index-Bx7d2Kq1.js.br'), brotliCompressSync(chunk));
writeFileSync(path.join(web, 'assets', 'index-Bx7d2Kq1.js.gz'), gzipSync(chunk));
const ctx = useTestApp({ WEB_DIST: web });

/** A GET as a browser sends it, body left encoded (fetch would decode it and hide the encoding). */
function rawGet(url: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .get(ctx.app.baseUrl + url, { headers }, (res) => {
        const parts: Buffer[] = [];
        res.on('data', (part: Buffer) => parts.push(part));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }));
      })
      .on('error', reject);
  });
}

const asset = '/assets/index-Bx7d2Kq1.js';

describe('build assets', () => {
  it('sends the brotli copy to a browser that takes brotli, cached for a year', async () => {
    const res = await rawGet(asset, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(res.body).toString()).toBe(chunk);
  });

  it('sends the gzip copy to a client that takes gzip only', async () => {
    const res = await rawGet(asset, { 'accept-encoding': 'gzip' });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    expect(gunzipSync(res.body).toString()).toBe(chunk);
  });

  it('sends the file itself to a client that takes no encoding', async () => {
    const res = await rawGet(asset, { 'accept-encoding': 'identity' });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.toString()).toBe(chunk);
  });

  it('answers 404 for a chunk that is gone (an older build), not the app shell', async () => {
    const res = await rawGet('/assets/index-Old00000.js', { accept: '*/*', 'accept-encoding': 'br' });
    expect(res.status).toBe(404);
    expect(res.body.toString()).not.toContain('<div id="root">');
  });
});

describe('the app shell', () => {
  it('is revalidated on every visit, deep link or by name, so a deploy is seen at once', async () => {
    for (const url of ['/', '/tasks', '/index.html']) {
      const res = await rawGet(url, { accept: 'text/html' });
      expect(res.status, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
  });
});

describe('API answers', () => {
  it('are compressed with brotli or gzip as the client takes them, and sent plain otherwise', async () => {
    const plain = await rawGet('/api/openapi.json', { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    const document = JSON.parse(plain.body.toString());

    const br = await rawGet('/api/openapi.json', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['vary']).toMatch(/accept-encoding/i);
    expect(br.body.length).toBeLessThan(plain.body.length / 4);
    expect(JSON.parse(brotliDecompressSync(br.body).toString())).toEqual(document);

    const gzip = await rawGet('/api/openapi.json', { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gzip.body).toString())).toEqual(document);
  });

  it('compresses the streamed sync answer, whole and readable', async () => {
    const user = await ctx.app.newUser();
    for (let i = 0; i < 30; i += 1) {
      await user.call(routes.links.create, { body: { name: `Lien ${i}`, url: `https://example.test/${i}` } });
    }
    const res = await rawGet('/api/sync/links', { authorization: `Bearer ${user.token}`, 'accept-encoding': 'br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(res.body).toString()).items).toHaveLength(30);
  });

  it('compresses problem answers too', async () => {
    const res = await rawGet(`/api/no-such-route?pad=${'x'.repeat(1500)}`, {
      'accept-encoding': 'gzip',
      accept: 'application/json',
    });
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    const text = res.headers['content-encoding'] === 'gzip' ? gunzipSync(res.body).toString() : res.body.toString();
    expect(JSON.parse(text)).toMatchObject({ status: 404 });
  });
});

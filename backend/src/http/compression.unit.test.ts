import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGunzip } from 'node:zlib';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressResponses } from './compression.ts';
import { streamJson } from './json-stream.ts';

// Two streamed answers behind the middleware; each holds its end until the test has seen its start.
let release = () => {};
const held = () => new Promise<void>((resolve) => (release = resolve));
const items = Array.from({ length: 2000 }, () => ({
  id: randomBytes(12).toString('hex'),
  title: randomBytes(40).toString('hex'),
}));

const app = express();
app.use(compressResponses());
app.get('/events', async (_req, res) => {
  res.status(200).set({ 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  res.flushHeaders();
  res.write(`event: token\ndata: ${JSON.stringify({ text: 'Bonjour' })}\n\n`);
  await held();
  res.end('event: done\ndata: {}\n\n');
});
app.get('/sync', async (_req, res) => {
  res.status(200).type('application/json');
  res.write(`{"items":[${items.map((item) => JSON.stringify(item)).join(',')}`);
  await held();
  res.end('],"version":"1"}');
});

// The sync routes' writer (JsonStream): a batch per write, waiting for 'drain' when the compressor is full.
async function* batches() {
  for (let i = 0; i < 300; i += 1) yield Array.from({ length: 50 }, () => ({ id: randomBytes(12).toString('hex'), n: i }));
}
app.get(
  '/sync-batches',
  (_req, res) => void streamJson<{ items: unknown[]; version: string }>({ items: batches(), version: '1' }).write(res, 200),
);

let server: http.Server;
let base = '';
beforeAll(async () => {
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(resolve));
});

/** Resolves with the headers and the first decoded text, while the server still holds the rest. */
function firstPart(url: string) {
  return new Promise<{ headers: http.IncomingHttpHeaders; text: string }>((resolve, reject) => {
    http
      .get(base + url, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        const body = res.headers['content-encoding'] === 'gzip' ? res.pipe(createGunzip()) : res;
        body.once('data', (part: Buffer) => resolve({ headers: res.headers, text: part.toString() }));
        body.on('end', () => release()); // drain
      })
      .on('error', reject);
  });
}

describe('compressResponses', () => {
  it('leaves an event stream uncompressed, so each event reaches the client as it is written', async () => {
    const { headers, text } = await firstPart('/events');
    expect(headers['content-encoding']).toBeUndefined();
    expect(text).toContain('Bonjour');
    release();
  });

  it('carries a streamed answer far larger than the compressor’s buffer to its end (backpressure through the compressor)', async () => {
    const res = await fetch(`${base}/sync-batches`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const body = (await res.json()) as { items: unknown[]; version: string };
    expect(body.items).toHaveLength(300 * 50);
    expect(body.version).toBe('1');
  });

  it('compresses a streamed JSON answer and still delivers its start before the server ends it', async () => {
    const { headers, text } = await firstPart('/sync');
    expect(headers['content-encoding']).toBe('gzip');
    expect(text.startsWith('{"items":[{"id":')).toBe(true);
    release();
  });
});

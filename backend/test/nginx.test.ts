import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { routes } from '@panoramix/contracts';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createClient, nextEvent, registerAt, uploadFile } from './harness.ts';
import { repoRoot, startNginx } from './nginx.ts';
import { spawnApi } from './processes.ts';
import type { ApiProcess } from './processes.ts';

// The API as the image runs it: the esbuild bundle in dist/, production mode.
const work = mkdtempSync(path.join(os.tmpdir(), 'panoramix-nginx-test-'));
const webRoot = path.join(work, 'web');
const acmeRoot = path.join(work, 'acme');
const script = `console.log(${JSON.stringify('x'.repeat(4096))});`;
// The build's own .gz copy, told apart from nginx compressing the file itself by a trailing comment.
const precompressedScript = `${script}\n// precompressed by the build`;
// The source the build lists for index.html's inline script (frontend/vite/preload-plugin.ts).
const inlineScriptHash = "'sha256-n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg='";
let api: ApiProcess;
const sockets: Socket[] = [];

beforeAll(async () => {
  mkdirSync(path.join(webRoot, 'assets'), { recursive: true });
  writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>Panoramix</title><div id="root"></div>');
  writeFileSync(path.join(webRoot, 'csp-script-src.txt'), `${inlineScriptHash}\n`); // as the web build lists it
  writeFileSync(path.join(webRoot, 'assets', 'index-Bx7d2Kq1.js'), script);
  writeFileSync(path.join(webRoot, 'assets', 'tasks-page-Q9w8e7R6.js'), script);
  writeFileSync(path.join(webRoot, 'assets', 'tasks-page-Q9w8e7R6.js.gz'), gzipSync(precompressedScript));
  mkdirSync(path.join(acmeRoot, '.well-known/acme-challenge'), { recursive: true });
  writeFileSync(path.join(acmeRoot, '.well-known/acme-challenge/token-1'), 'token-1.thumbprint');
  execFileSync('npm', ['run', '--silent', 'build', '-w', '@panoramix/backend'], { cwd: repoRoot, stdio: 'ignore' });
  api = await spawnApi(
    {
      NODE_ENV: 'production',
      JWT_SECRET: randomBytes(32).toString('hex'),
      ALLOW_REGISTRATION: 'true',
      MONGODB_URI: inject('mongoUri'),
      MONGODB_DB: `test_nginx_${randomBytes(4).toString('hex')}`,
      WEB_DIST: webRoot,
    },
    ['--enable-source-maps', 'dist/main.js'],
  );
}, 60_000);
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await api?.kill();
  rmSync(work, { recursive: true, force: true });
});

function connect(url: string, token: string, ca?: string) {
  const socket = io(url, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    ...(ca ? { ca } : {}),
  });
  sockets.push(socket);
  return new Promise<Socket>((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

describe('nginx in front of the API, plain HTTP (no certificate yet)', () => {
  let nginx: Awaited<ReturnType<typeof startNginx>>;
  beforeAll(async () => {
    nginx = await startNginx({ api: `127.0.0.1:${api.port}`, tls: false, webRoot, acmeRoot });
  });
  afterAll(() => nginx.stop());

  it('renders HTTP only until a certificate exists', () => {
    expect(nginx.rendered).toMatch(/HTTP only/);
  });

  it('proxies API calls, sign-up included', async () => {
    const client = createClient(nginx.http);
    expect((await client.call(routes.system.health)).body).toMatchObject({ status: 'ok' });
    const res = await client.call(routes.auth.register, { body: { username: 'nginx_user', password: 'correct horse battery' } });
    expect(res.status).toBe(201);
    expect((await client.get('/api/nope')).headers.get('content-type')).toMatch(/problem\+json/); // the API's 404, not the app shell
  });

  it('carries a Socket.io websocket both ways', async () => {
    const user = await registerAt(nginx.http, { username: 'nginx_socket' });
    const socket = await connect(nginx.http, user.token);
    expect(socket.io.engine.transport.name).toBe('websocket');
    const created = nextEvent(socket, 'link.created');
    await user.call(routes.links.create, { body: { name: 'Via nginx', url: 'example.test' } });
    expect((await created).name).toBe('Via nginx');
  });

  it('serves the app shell for client routes, and hashed assets immutable and gzipped', async () => {
    const page = await fetch(`${nginx.http}/projects/42/tasks`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    expect(page.headers.get('cache-control')).toBe('no-cache');

    const asset = await fetch(`${nginx.http}/assets/index-Bx7d2Kq1.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    expect(await asset.text()).toBe(script);
    expect((await fetch(`${nginx.http}/assets/gone-123.js`)).status).toBe(404);
  });

  it('sends the build’s precompressed copy of an asset as it is, and passes the API’s compression through', async () => {
    const asset = await fetch(`${nginx.http}/assets/tasks-page-Q9w8e7R6.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    expect(asset.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(await asset.text()).toBe(precompressedScript);

    const json = await fetch(`${nginx.http}/api/openapi.json`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(json.headers.get('content-encoding')).toBe('br');
    expect(((await json.json()) as { openapi: string }).openapi).toMatch(/^3\./);
  });

  it('sends the security headers once, the same as the API, with the inline script’s hash on the app shell', async () => {
    for (const url of ['/', '/api/health']) {
      const direct = await fetch(api.baseUrl + url);
      const res = await fetch(nginx.http + url);
      expect(res.headers.get('content-security-policy'), url).toBe(direct.headers.get('content-security-policy'));
      expect(res.headers.get('content-security-policy')!.includes(inlineScriptHash), url).toBe(url === '/');
      expect(res.headers.get('x-content-type-options'), url).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), url).toBe('SAMEORIGIN');
      expect(res.headers.get('referrer-policy'), url).toBe('no-referrer');
      expect(res.headers.get('server'), url).toBe('nginx');
    }
  });

  it('passes a 50 MB upload to the API and refuses 51 MB itself, with a clear message', async () => {
    const user = await registerAt(nginx.http, { username: 'nginx_upload' });
    // The form's boundaries and headers fit in the margin under nginx's 50 MiB.
    const accepted = await uploadFile(user, { name: 'big.bin', bytes: Buffer.alloc(50 * 1024 * 1024 - 1024, 32) });
    expect(accepted.status).toBe(201);
    expect(accepted.body.size).toBe(50 * 1024 * 1024 - 1024);
    const refused = await uploadFile(user, { name: 'bigger.bin', bytes: Buffer.alloc(51 * 1024 * 1024, 32) });
    expect(refused.status).toBe(413);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(refused.body).toMatchObject({ title: 'Upload too large', detail: 'Uploads are limited to 50 MB.' });
  });
});

describe('nginx with a certificate (Let’s Encrypt layout)', () => {
  let nginx: Awaited<ReturnType<typeof startNginx>>;
  beforeAll(async () => {
    nginx = await startNginx({ api: `127.0.0.1:${api.port}`, tls: true, webRoot, acmeRoot });
  });
  afterAll(() => nginx.stop());

  const get = (url: string) =>
    new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
      https
        .get(url, { ca: nginx.cert!, servername: 'localhost' }, (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
        })
        .on('error', reject);
    });

  it('redirects plain HTTP to HTTPS, except certbot’s challenges', async () => {
    const redirect = await fetch(`${nginx.http}/links?x=1`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('https://127.0.0.1/links?x=1');
    const challenge = await fetch(`${nginx.http}/.well-known/acme-challenge/token-1`);
    expect(await challenge.text()).toBe('token-1.thumbprint');
  });

  it('serves the app and the API over HTTPS with HSTS, and a websocket over wss', async () => {
    const page = await get(`${nginx.https}/`);
    expect(page.body).toContain('<div id="root">');
    expect(page.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    const health = await get(`${nginx.https}/api/health`);
    expect(health.status).toBe(200);
    expect(health.headers['strict-transport-security']).not.toContain(','); // the API's own, not doubled

    const user = await registerAt(api.baseUrl, { username: 'nginx_tls' });
    const socket = await connect(nginx.https, user.token, nginx.cert);
    expect(socket.connected).toBe(true);
  });
});

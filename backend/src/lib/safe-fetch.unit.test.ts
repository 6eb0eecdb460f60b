import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchRefusedError, addressRefusal, checkUrl, safeFetch } from './safe-fetch.ts';
import type { Resolve } from './safe-fetch.ts';

/** The test allowance: the local server below, and nothing else. */
const allow = ['127.0.0.1'];
const limits = { maxBytes: 1024 * 1024, timeoutMs: 5000, allow };

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: unknown) => {
      if (!(error instanceof FetchRefusedError)) throw error;
      return { reason: error.reason, message: error.message, status: error.status };
    },
  );

const resolvesTo =
  (...addresses: string[]): Resolve =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

let server: http.Server;
let base: string;
const requests: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    const url = new URL(req.url ?? '/', 'http://x');
    const hop = Number(url.searchParams.get('hops') ?? 0);
    switch (url.pathname) {
      case '/feed.ics':
        if (req.headers['if-none-match'] === '"v1"' || req.headers['if-modified-since'] === 'Tue, 01 Dec 2026 10:00:00 GMT') {
          res.writeHead(304).end();
          return;
        }
        res.writeHead(200, { etag: '"v1"', 'last-modified': 'Tue, 01 Dec 2026 10:00:00 GMT' }).end('BEGIN:VCALENDAR');
        return;
      case '/chain':
        res.writeHead(302, { location: hop > 0 ? `/chain?hops=${hop - 1}` : '/feed.ics' }).end();
        return;
      case '/to-metadata':
        res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
        return;
      case '/to-intranet':
        res.writeHead(307, { location: 'http://intranet.test/' }).end();
        return;
      case '/huge': // no Content-Length: only counting the stream can stop it
        res.writeHead(200);
        for (let i = 0; i < 4 && res.writable; i++) res.write(Buffer.alloc(512 * 1024, 'x'));
        res.end();
        return;
      case '/huge-declared':
        res.writeHead(200, { 'content-length': String(50 * 1024 * 1024) }).write('x');
        return;
      case '/slow': // headers at once, then a body that never ends
        res.writeHead(200);
        res.write('BEGIN:VCALENDAR\r\n');
        return;
      default:
        res.writeHead(404).end();
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('addressRefusal', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['169.254.169.254', 'link-local'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['0.0.0.0', 'unspecified'],
    ['192.0.2.1', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'link-local'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456::1', 'unique-local'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', '(127.0.0.1), a loopback'],
    ['::ffff:a9fe:a9fe', '(169.254.169.254), a link-local'],
    ['64:ff9b::a00:1', 'reserved'], // NAT64 of 10.0.0.1
  ])('refuses %s (%s)', (address, words) => {
    expect(addressRefusal(address)).toContain(words);
  });

  it('lets public unicast addresses through', () => {
    expect(addressRefusal('93.184.216.34')).toBeNull();
    expect(addressRefusal('2606:4700:4700::1111')).toBeNull();
  });

  it('lets through only what the test allowance names', () => {
    expect(addressRefusal('127.0.0.1', ['127.0.0.1'])).toBeNull();
    expect(addressRefusal('127.0.0.2', ['127.0.0.1'])).toContain('loopback');
    expect(addressRefusal('10.9.8.7', ['10.0.0.0/8'])).toBeNull();
    expect(addressRefusal('::1', ['127.0.0.1'])).toContain('loopback');
  });
});

describe('checkUrl', () => {
  it.each(['ftp://example.com/a.ics', 'file:///etc/passwd', 'javascript:alert(1)', 'not a url'])(
    'refuses %s by scheme',
    async (url) => {
      expect((await refusal(checkUrl(url))).reason).toBe('scheme');
    },
  );

  it.each([
    'http://127.0.0.1/',
    'http://2130706433/', // 127.0.0.1 written as a number
    'http://0x7f.1/',
    'http://[::1]/',
    'http://[::ffff:7f00:1]/',
    'http://169.254.169.254/latest/meta-data/',
    'https://10.0.0.1/',
    'http://[fe80::1]/',
    'http://0.0.0.0:3002/',
  ])('refuses the IP literal in %s', async (url) => {
    expect((await refusal(checkUrl(url))).reason).toBe('address');
  });

  it('refuses a host name that resolves to a private address, naming it', async () => {
    const verdict = await refusal(checkUrl('https://intranet.test/cal.ics', { resolve: resolvesTo('10.0.0.5') }));
    expect(verdict).toMatchObject({
      reason: 'address',
      message: 'intranet.test resolves to 10.0.0.5, a private (RFC 1918) address',
    });
  });

  it('refuses a host name when any of its addresses is not public', async () => {
    const verdict = await refusal(checkUrl('https://mixed.test/', { resolve: resolvesTo('93.184.216.34', 'fd00::1') }));
    expect(verdict.reason).toBe('address');
  });

  it('refuses localhost through the system resolver', async () => {
    expect((await refusal(checkUrl('http://localhost:3002/'))).reason).toBe('address');
  });

  it('says when a host does not resolve', async () => {
    const none: Resolve = () => Promise.reject(new Error('ENOTFOUND'));
    expect((await refusal(checkUrl('https://nowhere.test/', { resolve: none }))).reason).toBe('unresolvable');
  });

  it('accepts a host with public addresses only', async () => {
    await expect(checkUrl('https://calendar.test/a.ics', { resolve: resolvesTo('93.184.216.34') })).resolves.toBeUndefined();
  });
});

describe('safeFetch', () => {
  it('refuses the local server without the test allowance, before sending anything', async () => {
    const before = requests.length;
    expect((await refusal(safeFetch(`${base}/feed.ics`, { ...limits, allow: [] }))).reason).toBe('address');
    expect(requests.length).toBe(before);
  });

  it('fetches a body with its validators, and answers not modified to either of them', async () => {
    const first = await safeFetch(`${base}/feed.ics`, limits);
    expect(first).toMatchObject({ notModified: false, etag: '"v1"', lastModified: 'Tue, 01 Dec 2026 10:00:00 GMT' });
    expect(first.notModified === false && first.body.toString()).toBe('BEGIN:VCALENDAR');
    expect(await safeFetch(`${base}/feed.ics`, { ...limits, etag: '"v1"' })).toMatchObject({ notModified: true });
    const since = { ...limits, lastModified: 'Tue, 01 Dec 2026 10:00:00 GMT' };
    expect(await safeFetch(`${base}/feed.ics`, since)).toMatchObject({ notModified: true });
  });

  it('connects to the address it checked: one lookup per connection, none by the system resolver', async () => {
    let lookups = 0;
    const resolve: Resolve = async () => {
      lookups++;
      return [{ address: '127.0.0.1', family: 4 }];
    };
    const port = new URL(base).port;
    const result = await safeFetch(`http://calendar.test:${port}/feed.ics`, { ...limits, resolve });
    expect(result.notModified).toBe(false);
    expect(lookups).toBe(2); // the check before the request, and the socket's own lookup through the check
  });

  it('follows five redirects, and refuses a sixth', async () => {
    expect(await safeFetch(`${base}/chain?hops=4`, limits)).toMatchObject({ notModified: false, url: `${base}/feed.ics` });
    expect((await refusal(safeFetch(`${base}/chain?hops=5`, limits))).reason).toBe('redirects');
  });

  it('checks each redirect again: one to the metadata address is refused', async () => {
    const verdict = await refusal(safeFetch(`${base}/to-metadata`, limits));
    expect(verdict).toMatchObject({ reason: 'address', message: 'targets 169.254.169.254, a link-local address' });
  });

  it('checks each redirect again: one to a name that resolves privately is refused', async () => {
    const resolve: Resolve = async (host) => [{ address: host === 'intranet.test' ? '192.168.0.10' : '127.0.0.1', family: 4 }];
    const port = new URL(base).port;
    const verdict = await refusal(safeFetch(`http://calendar.test:${port}/to-intranet`, { ...limits, resolve }));
    expect(verdict).toMatchObject({
      reason: 'address',
      message: 'intranet.test resolves to 192.168.0.10, a private (RFC 1918) address',
    });
  });

  it('cuts a body that streams past the size limit', async () => {
    expect(await refusal(safeFetch(`${base}/huge`, limits))).toMatchObject({
      reason: 'too-large',
      message: 'is larger than 1 MB',
    });
  });

  it('refuses a declared size past the limit without reading it', async () => {
    expect((await refusal(safeFetch(`${base}/huge-declared`, limits))).reason).toBe('too-large');
  });

  it('gives up on a body slower than the time limit', async () => {
    expect(await refusal(safeFetch(`${base}/slow`, { ...limits, timeoutMs: 300 }))).toMatchObject({ reason: 'timeout' });
  });

  it('reports an error status', async () => {
    expect(await refusal(safeFetch(`${base}/gone`, limits))).toMatchObject({ reason: 'http-status', status: 404 });
  });
});

import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import type { IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Fetching an address a user typed, without letting it reach this server's own network (SSRF).
 *
 * The host is resolved here and every address it resolves to must be public unicast: loopback,
 * RFC 1918, CGNAT, unique-local, link-local (cloud metadata at 169.254.169.254), multicast,
 * unspecified, reserved and IPv4-mapped forms of them are refused. The socket connects to the
 * address that was checked (the check is the connection's own DNS lookup, so a second answer
 * cannot rebind it), and each redirect is checked again.
 *
 * Hand-written over node:http with ipaddr.js for the address classes: request-filtering-agent
 * checks an IP-literal host only once the TCP connection is open, and none of the filtering
 * agents bounds redirects, size or time, which the callers need as much.
 */

export type FetchRefusal =
  | 'scheme' // not http(s)
  | 'address' // resolves to an address that is not public
  | 'unresolvable' // no such host
  | 'redirects' // more redirects than allowed, or one without a usable Location
  | 'too-large' // the body passed the size limit
  | 'timeout' // the whole exchange took longer than allowed
  | 'http-status' // the server answered an error status
  | 'network'; // connection refused, reset, TLS failure…

export class FetchRefusedError extends Error {
  constructor(
    readonly reason: FetchRefusal,
    message: string,
    /** The HTTP status, for `http-status`. */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'FetchRefusedError';
  }
}

type Address = ipaddr.IPv4 | ipaddr.IPv6;
export interface ResolvedAddress {
  address: string;
  family: number;
}
export type Resolve = (hostname: string) => Promise<ResolvedAddress[]>;

export interface GuardOptions {
  /**
   * Addresses or CIDR ranges let through although not public: the test allowance (a local server
   * on 127.0.0.1), set from OUTBOUND_ALLOW_ADDRESSES, which production refuses. Empty by default.
   */
  allow?: readonly string[];
  /** How host names are resolved; the system resolver unless a test stands in for DNS. */
  resolve?: Resolve;
}

export interface SafeFetchOptions extends GuardOptions {
  /** GET unless told; a POST (a Web Push delivery) sends `body` and follows no redirect. */
  method?: 'GET' | 'POST';
  body?: Buffer;
  /** The body is streamed and the transfer cut past this many bytes. */
  maxBytes: number;
  /** For the whole exchange, redirects and body included. */
  timeoutMs: number;
  maxRedirects?: number;
  headers?: Record<string, string>;
  /** The validators of the copy the caller holds: an unchanged resource answers 304. */
  etag?: string | null;
  lastModified?: string | null;
}

export type SafeFetchResult =
  | { notModified: false; body: Buffer; etag: string | null; lastModified: string | null; url: string }
  | { notModified: true; etag: string | null; lastModified: string | null; url: string };

const systemResolve: Resolve = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

const rangeNames: Record<string, string> = {
  loopback: 'a loopback address',
  private: 'a private (RFC 1918) address',
  carrierGradeNat: 'a carrier-grade NAT address',
  uniqueLocal: 'a unique-local address',
  linkLocal: 'a link-local address',
  multicast: 'a multicast address',
  broadcast: 'the broadcast address',
  unspecified: 'the unspecified address',
};

/** Why an address may not be fetched (`10.0.0.5, a private (RFC 1918) address`), or null when it is public unicast or allowed. */
export function addressRefusal(address: string, allow: readonly string[] = []): string | null {
  if (!ipaddr.isValid(address)) return `${address} is not an IP address`;
  const raw = ipaddr.parse(address);
  const mapped = raw.kind() === 'ipv6' && (raw as ipaddr.IPv6).isIPv4MappedAddress();
  const ip: Address = mapped ? (raw as ipaddr.IPv6).toIPv4Address() : raw;
  if (allow.some((entry) => inRange(ip, entry))) return null;
  const range = ip.range();
  if (range === 'unicast') return null;
  const what = rangeNames[range] ?? `a reserved address (${range})`;
  return mapped ? `${address} (${ip.toString()}), ${what}` : `${ip.toString()}, ${what}`;
}

function inRange(ip: Address, entry: string) {
  const [net, bits] = entry.includes('/') ? ipaddr.parseCIDR(entry) : [ipaddr.parse(entry), ip.kind() === 'ipv4' ? 32 : 128];
  return net.kind() === ip.kind() && ip.match(net, bits);
}

/** The URL parsed, if its scheme is http(s). */
function parseHttpUrl(raw: string | URL): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchRefusedError('scheme', 'is not a valid address');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchRefusedError('scheme', 'must be an http(s) address');
  return url;
}

const bareHost = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1');

/** Resolves the host and checks every address; IP literals are checked as they are. */
async function checkedAddresses(hostname: string, options: GuardOptions): Promise<ResolvedAddress[]> {
  const family = isIP(hostname);
  let addresses: ResolvedAddress[];
  if (family) addresses = [{ address: hostname, family }];
  else {
    try {
      addresses = await (options.resolve ?? systemResolve)(hostname);
    } catch {
      throw new FetchRefusedError('unresolvable', `${hostname} could not be resolved`);
    }
    if (addresses.length === 0) throw new FetchRefusedError('unresolvable', `${hostname} could not be resolved`);
  }
  for (const { address } of addresses) {
    const refusal = addressRefusal(address, options.allow);
    if (refusal) throw new FetchRefusedError('address', family ? `targets ${refusal}` : `${hostname} resolves to ${refusal}`);
  }
  return addresses;
}

/** The guard's verdict on a URL without fetching it: throws a FetchRefusedError saying why not. */
export async function checkUrl(raw: string, options: GuardOptions = {}): Promise<void> {
  await checkedAddresses(bareHost(parseHttpUrl(raw)), options);
}

/** The connection's own DNS lookup: it answers only addresses that passed the check. */
function guardedLookup(options: GuardOptions): LookupFunction {
  return (hostname, lookupOptions, callback) => {
    checkedAddresses(hostname, options).then(
      (addresses) => {
        if (lookupOptions.all) callback(null, addresses);
        else callback(null, addresses[0]!.address, addresses[0]!.family);
      },
      (error: Error) => callback(error as NodeJS.ErrnoException, ''),
    );
  };
}

const redirectStatuses = new Set([301, 302, 303, 307, 308]);

/**
 * GETs (or POSTs) a user-given http(s) address through the guard, following at most `maxRedirects` (5)
 * redirects, each checked again. Throws a FetchRefusedError naming the reason.
 */
export async function safeFetch(raw: string, options: SafeFetchOptions): Promise<SafeFetchResult> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), options.timeoutMs);
  try {
    let url = parseHttpUrl(raw);
    for (let redirects = 0; ; redirects++) {
      await checkedAddresses(bareHost(url), options); // IP literals never reach the lookup
      const res = await send(url, options, abort.signal);
      const validators = { etag: res.headers.etag ?? null, lastModified: res.headers['last-modified'] ?? null };
      const status = res.statusCode ?? 0;
      if (redirectStatuses.has(status)) {
        res.resume();
        const location = res.headers.location;
        if (!location) throw new FetchRefusedError('redirects', `answered ${status} without a Location`);
        if (redirects >= (options.method === 'POST' ? 0 : (options.maxRedirects ?? 5)))
          throw new FetchRefusedError('redirects', 'redirected too many times');
        url = parseHttpUrl(new URL(location, url));
        continue;
      }
      if (status === 304) {
        res.resume();
        return { notModified: true, ...validators, url: url.href };
      }
      if (status < 200 || status > 299) {
        res.resume();
        throw new FetchRefusedError('http-status', `answered ${status}`, status);
      }
      return { notModified: false, body: await readBody(res, options.maxBytes), ...validators, url: url.href };
    }
  } catch (error) {
    if (abort.signal.aborted)
      throw new FetchRefusedError('timeout', `took longer than ${Math.round(options.timeoutMs / 1000)} s`);
    if (error instanceof FetchRefusedError) throw error;
    throw new FetchRefusedError('network', (error as Error).message);
  } finally {
    clearTimeout(timer);
  }
}

function send(url: URL, options: SafeFetchOptions, signal: AbortSignal): Promise<IncomingMessage> {
  const headers: Record<string, string> = { 'user-agent': 'Panoramix', ...options.headers };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    // No shared agent: every request opens its own connection through the guarded lookup.
    const method = options.method ?? 'GET';
    const req = transport.request(url, { method, headers, signal, agent: false, lookup: guardedLookup(options) }, resolve);
    req.on('error', reject);
    req.end(options.body);
  });
}

function readBody(res: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const tooLarge = () =>
    new FetchRefusedError('too-large', `is larger than ${Math.round((maxBytes / 1024 / 1024) * 10) / 10} MB`);
  return new Promise((resolve, reject) => {
    const declared = Number(res.headers['content-length']);
    if (declared > maxBytes) {
      res.destroy();
      return reject(tooLarge());
    }
    const chunks: Buffer[] = [];
    let size = 0;
    res.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        res.destroy();
        reject(tooLarge());
      } else chunks.push(chunk);
    });
    res.on('end', () => resolve(Buffer.concat(chunks)));
    res.on('error', reject); // a connection closed before the end included
  });
}

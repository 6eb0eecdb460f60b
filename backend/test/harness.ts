import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { routes, routeUrl } from '@panoramix/contracts';
import type { RouteContract, RouteInput, RouteResponse } from '@panoramix/contracts';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, inject } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/lib/logger.ts';
import { startServer } from '../src/server.ts';
import type { RunningServer } from '../src/server.ts';

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface RequestOptions {
  token?: string | undefined;
  headers?: Record<string, string>;
  /** Sent as is (not JSON-encoded): for malformed-body tests. */
  raw?: string;
}

/** What a route answers on success: its contract's response, or the text of a stream. */
type CallBody<R extends RouteContract> = R['stream'] extends string ? string : RouteResponse<R>;

/** The input may be left out when the route takes nothing required. */
type CallArgs<R extends RouteContract> =
  object extends RouteInput<R>
    ? [input?: RouteInput<R>, options?: RequestOptions]
    : [input: RouteInput<R>, options?: RequestOptions];

/**
 * A tiny HTTP client over fetch that keeps cookies like a browser does (one jar per client).
 * `call(routes.tasks.create, { body })` goes through a route of the contracts: its path, query and
 * body typed from them. `get`/`post`… send anything, for tests of invalid input.
 */
export function createClient(baseUrl: string, defaults: { token?: string } = {}) {
  const jar = new Map<string, string>();
  async function request<T = any>(
    method: string,
    url: string,
    body?: unknown,
    options: RequestOptions = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    const token = options.token ?? defaults.token;
    if (token) headers.authorization = `Bearer ${token}`;
    if (jar.size > 0) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    let payload: string | undefined = options.raw;
    if (body !== undefined && payload === undefined) payload = JSON.stringify(body);
    if (payload !== undefined) headers['content-type'] ??= 'application/json';
    const res = await fetch(baseUrl + url, { method, headers, body: payload ?? null });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const [name = '', value = ''] = pair.split('=');
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(cookie)) jar.delete(name);
      else jar.set(name, value);
    }
    const text = await res.text();
    const type = res.headers.get('content-type') ?? '';
    return { status: res.status, headers: res.headers, body: type.includes('json') && text ? JSON.parse(text) : text };
  }
  const call = <R extends RouteContract>(route: R, ...[input, options]: CallArgs<R>) => {
    const { params, query, body } = (input ?? {}) as { params?: object; query?: object; body?: unknown };
    return request<CallBody<R>>(route.method.toUpperCase(), routeUrl(route.path, params, query), body, options);
  };
  return {
    jar,
    request,
    call,
    get: <T = any>(url: string, o?: RequestOptions) => request<T>('GET', url, undefined, o),
    post: <T = any>(url: string, body?: unknown, o?: RequestOptions) => request<T>('POST', url, body, o),
    patch: <T = any>(url: string, body?: unknown, o?: RequestOptions) => request<T>('PATCH', url, body, o),
    delete: <T = any>(url: string, o?: RequestOptions) => request<T>('DELETE', url, undefined, o),
  };
}
export type TestClient = ReturnType<typeof createClient>;

let sequence = 0;
/** Unique per run and per file, so tests never collide. */
export const unique = (prefix: string) => `${prefix}${process.pid % 10_000}_${++sequence}`;

export interface TestApp {
  server: RunningServer;
  baseUrl: string;
  client: (token?: string) => TestClient;
  /** Registers a fresh user and returns its session and an authenticated client. */
  newUser: (overrides?: { username?: string; password?: string }) => Promise<TestUser>;
  socket: (token: string) => Promise<Socket>;
  /** A socket to another API instance, closed with this app. */
  socketAt: (baseUrl: string, token: string) => Promise<Socket>;
  close: () => Promise<void>;
}

export interface TestUser {
  /** The API this user was registered on. */
  baseUrl: string;
  id: string;
  username: string;
  password: string;
  token: string;
  api: TestClient;
  /** `api.call`: this user calls a route of the contracts. */
  call: TestClient['call'];
}

/**
 * Starts the real app (HTTP + sockets + jobs) on a random port against the run's database,
 * in a database of its own. `env` overrides configuration for this file.
 */
/** A new account signed up at `baseUrl` (a test app, a spawned API, nginx in front of one), as a TestUser. */
export async function registerAt(baseUrl: string, overrides: { username?: string; password?: string } = {}): Promise<TestUser> {
  const username = overrides.username ?? unique('user');
  const password = overrides.password ?? 'correct horse battery';
  const res = await createClient(baseUrl).post('/api/auth/register', { username, password });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  const token = res.body.accessToken as string;
  const api = createClient(baseUrl, { token });
  return { baseUrl, id: res.body.user.id, username, password, token, api, call: api.call };
}

export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'panoramix-test-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    JWT_SECRET: randomBytes(32).toString('hex'),
    ALLOW_REGISTRATION: 'true',
    ARGON2_MEMORY_KIB: '4096',
    LOGIN_IP_MAX: '10000',
    JOBS_POLL_MS: '200',
    ...env,
  });
  const dbName = env.MONGODB_DB ?? `test_${randomBytes(6).toString('hex')}`;
  const server = await startServer({ config, logger: createLogger(config.LOG_LEVEL), mongoUri: inject('mongoUri'), dbName });
  const baseUrl = `http://127.0.0.1:${server.port}`;
  const sockets = new Set<Socket>();

  const newUser: TestApp['newUser'] = (overrides) => registerAt(baseUrl, overrides);

  const socketAt: TestApp['socketAt'] = (url, token) =>
    new Promise((resolve, reject) => {
      const s = io(url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
      sockets.add(s);
      s.once('connect', () => resolve(s));
      s.once('connect_error', reject);
    });

  return {
    server,
    baseUrl,
    client: (token) => createClient(baseUrl, token ? { token } : {}),
    newUser,
    socket: (token) => socketAt(baseUrl, token),
    socketAt,
    close: async () => {
      for (const s of sockets) s.disconnect();
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The params of a route on one resource: `t.bob.call(routes.tasks.get, byId(task.id))`. */
export const byId = (id: string) => ({ params: { id } });

/** A 1×1 PNG: real image bytes for upload tests. */
export const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** Uploads a file as the web client does (multipart/form-data, part `file`), to the files or another upload route. */
export async function uploadFile(
  user: TestUser,
  file: { name: string; bytes: Buffer | string; type?: string },
  fields: Record<string, string> = {},
  route = '/api/files',
): Promise<ApiResponse> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  form.append('file', new Blob([file.bytes], { type: file.type ?? 'application/octet-stream' }), file.name);
  const res = await fetch(`${user.baseUrl}${route}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${user.token}` },
    body: form,
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : text };
}

/** Collects every event a socket receives, to assert later what did (not) arrive. */
export function recordEvents(socket: Socket) {
  const received: { type: string; data: any }[] = [];
  socket.onAny((type: string, data: unknown) => received.push({ type, data }));
  return received;
}

/** Resolves with the payload of the next `type` event on the socket. */
export const nextEvent = <T = any>(socket: Socket, type: string, timeoutMs = 5000) =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${type} event within ${timeoutMs} ms`)), timeoutMs);
    socket.once(type, (data: T) => {
      clearTimeout(timer);
      resolve(data);
    });
  });

/** Lets in-flight socket frames land before asserting that something did not arrive. */
export const settle = (ms = 200) => new Promise((r) => setTimeout(r, ms));

/** Every error answer is RFC 9457 problem+json. */
export function expectProblem(res: ApiResponse, status: number) {
  if (res.status !== status || !String(res.headers.get('content-type')).startsWith('application/problem+json')) {
    throw new Error(
      `expected problem ${status}, got ${res.status} ${res.headers.get('content-type')}: ${JSON.stringify(res.body)}`,
    );
  }
  return res.body as {
    type: string;
    title: string;
    status: number;
    detail?: string;
    errors?: { path: string; message: string }[];
  };
}

/** The usual file setup: one app for the file. Read `ctx.app` inside tests, once `beforeAll` has run. */
export function useTestApp(env: Record<string, string> = {}) {
  const ctx = { app: undefined as unknown as TestApp };
  beforeAll(async () => {
    ctx.app = await startTestApp(env);
  });
  afterAll(() => ctx.app.close());
  return ctx;
}

/** The cast of sharing tests: Alice owns a project, Bob is a member of it, Eve is a stranger. */
export async function createTeam(app: TestApp) {
  const [alice, bob, eve] = [await app.newUser(), await app.newUser(), await app.newUser()];
  const shared = (await alice.call(routes.projects.create, { body: { name: 'Shared' } })).body;
  await alice.call(routes.projects.addMember, { params: { id: shared.id }, body: { username: bob.username } });
  return { alice, bob, eve, shared };
}

/** The usual setup of a sharing test file: one app and the team of `createTeam`, read as `t.alice`… inside tests. */
export function useTeam(env: Record<string, string> = {}) {
  const t = {} as { app: TestApp } & Awaited<ReturnType<typeof createTeam>>;
  beforeAll(async () => {
    t.app = await startTestApp(env);
    Object.assign(t, await createTeam(t.app));
  });
  afterAll(() => t.app.close());
  return t;
}

import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, startTestApp } from './harness.ts';
import type { TestApp, TestUser } from './harness.ts';

let app: TestApp;
let user: TestUser;
let linkId: string;
beforeAll(async () => {
  app = await startTestApp({ BODY_LIMIT: '16kb' });
  user = await app.newUser();
  linkId = (await user.api.post('/api/links', { name: 'Keep me', url: 'https://keep.test' })).body.id;
});
afterAll(() => app.close());

const huge = 'x'.repeat(20_000);

/** [what, method, url, body or raw text, expected status, field the problem must name] */
const cases: [string, string, string, unknown, number, string?][] = [
  ['malformed JSON', 'POST', '/api/links', { raw: '{"name": "x", ' }, 400],
  ['JSON that is not an object', 'POST', '/api/links', { raw: '"just a string"' }, 400],
  ['a bare array', 'POST', '/api/links', [], 400],
  ['operator object instead of a name', 'POST', '/api/links', { name: { $gt: '' }, url: 'https://a.test' }, 400, 'body.name'],
  [
    'operator object instead of a username',
    'POST',
    '/api/auth/login',
    { username: { $gt: '' }, password: 'x' },
    400,
    'body.username',
  ],
  [
    'operator object instead of a password',
    'POST',
    '/api/auth/login',
    { username: 'a', password: { $ne: null } },
    400,
    'body.password',
  ],
  ['array instead of a string', 'POST', '/api/links', { name: ['a', 'b'], url: 'https://a.test' }, 400, 'body.name'],
  ['number instead of a string', 'POST', '/api/links', { name: 42, url: 'https://a.test' }, 400, 'body.name'],
  ['null name', 'POST', '/api/links', { name: null, url: 'https://a.test' }, 400, 'body.name'],
  ['missing url', 'POST', '/api/links', { name: 'x' }, 400, 'body.url'],
  ['unknown field', 'POST', '/api/links', { name: 'x', url: 'https://a.test', userId: '0123456789abcdef01234567' }, 400],
  [
    'prototype pollution key',
    'POST',
    '/api/links',
    { raw: '{"name":"x","url":"https://a.test","__proto__":{"admin":true}}' },
    400,
  ],
  ['name over its length limit', 'POST', '/api/links', { name: 'n'.repeat(201), url: 'https://a.test' }, 400, 'body.name'],
  ['body over the size limit', 'POST', '/api/links', { name: huge, url: 'https://a.test' }, 413],
  ['url with a bad scheme', 'POST', '/api/links', { name: 'x', url: 'ftp://files.test' }, 400, 'body.url'],
  ['invalid ObjectId in the path', 'GET', '/api/links/not-an-id', undefined, 400, 'params.id'],
  ['ObjectId-looking injection in the path', 'PATCH', '/api/links/%7B%22%24gt%22%3A%22%22%7D', { name: 'x' }, 400, 'params.id'],
  ['empty update', 'PATCH', '/api/links/LINK', {}, 400],
  ['limit out of range', 'GET', '/api/links?limit=100000', undefined, 400, 'query.limit'],
  ['limit not a number', 'GET', '/api/links?limit=lots', undefined, 400, 'query.limit'],
  ['bracket operator in the query string', 'GET', '/api/links?q[$regex]=.*', undefined, 400],
  ['forged cursor', 'GET', '/api/links?cursor=bm90LWFuLWlk', undefined, 400, 'query.cursor'],
  ['unknown query parameter', 'GET', '/api/links?sort=-name', undefined, 400],
  ['body on a route that takes none', 'POST', '/api/links/LINK/click', { clicksCount: 1000 }, 400],
  ['not JSON at all', 'POST', '/api/links', { raw: 'name=x&url=y', type: 'application/x-www-form-urlencoded' }, 415],
  ['unknown preference value', 'PATCH', '/api/preferences', { theme: 'neon' }, 400, 'body.theme'],
  ['invalid time zone', 'PATCH', '/api/preferences', { timeZone: 'Mars/Olympus' }, 400, 'body.timeZone'],
  ['unknown route', 'GET', '/api/nothing-here', undefined, 404],
];

async function snapshot() {
  const db = mongoose.connection.db!;
  const links = await db
    .collection('links')
    .find({}, { sort: { _id: 1 } })
    .toArray();
  const users = await db.collection('users').countDocuments();
  const prefs = await db.collection('userPreferences').countDocuments();
  return { links, users, prefs };
}

describe('bad input', () => {
  it.each(cases)('%s → %i problem+json, nothing written', async (_what, method, rawUrl, body, status, field) => {
    const before = await snapshot();
    const url = rawUrl.replace('LINK', linkId);
    const isRaw = typeof body === 'object' && body !== null && 'raw' in body;
    const options = isRaw
      ? {
          raw: (body as { raw: string }).raw,
          headers: { 'content-type': (body as { type?: string }).type ?? 'application/json' },
        }
      : {};
    const res = await user.api.request(method, url, isRaw ? undefined : body, options);
    const problem = expectProblem(res, status);
    expect(problem.title).toBeTruthy();
    expect(problem.detail).toBeTruthy();
    if (field) expect(problem.errors?.map((e) => e.path)).toContain(field);
    expect(await snapshot()).toEqual(before);
  });
});

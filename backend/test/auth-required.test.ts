import { allRoutes, routeUrl } from '@panoramix/contracts';
import { describe, expect, it } from 'vitest';
import { expectProblem, useTestApp } from './harness.ts';

const ctx = useTestApp();
/** A well-formed id that names nothing: the token is checked before any lookup. */
const someId = '0123456789abcdef01234567';
const signedIn = allRoutes
  .filter((route) => route.access !== 'public')
  .map((route) => [`${route.method.toUpperCase()} ${route.path}`, route] as const);

describe('every route of the contracts that is not public', () => {
  it('is found in the route table', () => {
    expect(signedIn.length).toBeGreaterThan(50);
  });

  it.each(signedIn)('%s answers 401 problem+json without a token or with a forged one', async (_, route) => {
    const params = Object.fromEntries(Object.keys(route.params?.shape ?? {}).map((name) => [name, someId]));
    const url = routeUrl(route.path, params);
    const method = route.method.toUpperCase();
    expect(expectProblem(await ctx.app.client().request(method, url), 401).status).toBe(401);
    expect(expectProblem(await ctx.app.client('not.a.token').request(method, url), 401).status).toBe(401);
  });
});

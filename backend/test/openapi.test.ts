import { readFileSync } from 'node:fs';
import { allRoutes } from '@panoramix/contracts';
import { errorStatuses, openApiPath } from '@panoramix/contracts/openapi';
import { describe, expect, it } from 'vitest';
import { committedOpenApiPath, createOpenApiDocument, serializeOpenApi } from '../src/openapi-document.ts';
import { useTestApp } from './harness.ts';

const ctx = useTestApp();

describe('API documentation', () => {
  it('lists every route of the contracts, with its error answers as problem+json', async () => {
    const res = await ctx.app.client().get('/api/openapi.json');
    expect(res.body.openapi).toBe('3.1.0');
    for (const route of allRoutes) {
      const operation = res.body.paths[openApiPath(route.path)]?.[route.method];
      expect(operation, `${route.method} ${route.path}`).toBeDefined();
      for (const status of errorStatuses(route)) {
        expect(operation.responses[status]?.content['application/problem+json'], `${route.path} ${status}`).toBeDefined();
      }
      const header = operation.parameters?.find((p: { in: string; name: string }) => p.in === 'header');
      expect(header?.name, `${route.method} ${route.path}`).toBe(route.idempotent ? 'Idempotency-Key' : undefined);
    }
    expect(res.body.paths['/api/tasks'].get.responses['404'], 'a filter naming an unreachable project').toBeDefined();
    expect(res.body.paths['/api/auth/login'].post.responses['401'], 'a wrong password').toBeDefined();
    expect(res.body['x-socket-events']['link.created']).toBeDefined();
  });

  it('every documented route is really served (no 404 for it)', async () => {
    const user = await ctx.app.newUser();
    for (const route of allRoutes) {
      const url = route.path.replace(/:(\w+)/g, '0123456789abcdef01234567');
      const res = await user.api.request(route.method.toUpperCase(), url);
      const unknownRoute = res.status === 404 && String(res.body.detail).startsWith('No route');
      expect(unknownRoute, `${route.method} ${route.path}`).toBe(false);
    }
  });

  it('serves an interactive reference page', async () => {
    const res = await ctx.app.client().get('/api/docs/');
    expect(res.status).toBe(200);
    expect(res.body).toContain('swagger-ui');
  });
});

describe('committed OpenAPI document', () => {
  it('matches the contracts (run `npm run openapi` after changing a contract)', () => {
    expect(readFileSync(committedOpenApiPath, 'utf8')).toBe(serializeOpenApi(createOpenApiDocument()));
  });
});

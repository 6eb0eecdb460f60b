import { z } from 'zod';
import { createDocument } from 'zod-openapi';
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from 'zod-openapi';
import { problem } from './common.ts';
import { chatClientEvents } from './chat-events.ts';
import { domainEvents, sessionClientEvents, sessionServerEvents } from './events.ts';
import { idempotencyKey } from './http.ts';
import type { RouteContract } from './http.ts';

const problemContent = { 'application/problem+json': { schema: problem } };

const errorDescriptions: Record<number, string> = {
  400: 'Invalid input; `errors` names each field',
  401: 'Missing or expired access token, or wrong credentials',
  403: 'Not allowed',
  404: 'Not found (or not yours): the path, or an id the request names',
  409: 'Conflicts with existing data, or a request with this Idempotency-Key is still running',
  413: 'The body is too large',
  415: 'The body is not JSON (or, for an upload, not multipart/form-data)',
  422: 'This Idempotency-Key was used with another request',
  429: 'Too many requests; see Retry-After',
  503: 'A dependency is unavailable, or the database is busy; see Retry-After',
};

/** `/api/links/:id` → `/api/links/{id}` */
/** An Express path (`/api/links/:id`) as OpenAPI writes it (`/api/links/{id}`). */
export const openApiPath = (path: string) => path.replace(/:([A-Za-z_]\w*)/g, '{$1}');

const binary = () => z.string().meta({ format: 'binary' });
const streamSchema = (type: NonNullable<RouteContract['stream']>) => (type === '*/*' ? binary() : z.string());

/** An upload's form: its text fields and the file part. */
function withFilePart(body: z.ZodType, field: string) {
  if (!(body instanceof z.ZodObject)) throw new Error('an upload route describes its text fields with an object');
  return body.extend({ [field]: binary() });
}

/** Every error status a route can answer, most of them implied by what it declares. */
export function errorStatuses(route: RouteContract): number[] {
  const errors = new Set<number>(route.errors);
  if (route.params || route.query || route.body) errors.add(400);
  if (route.access !== 'public') errors.add(401);
  if (route.access === 'admin') errors.add(403);
  if (route.params) errors.add(404);
  if (route.body) errors.add(413).add(415);
  if (route.idempotent) errors.add(409).add(422);
  if (route.rateLimited) errors.add(429);
  errors.add(503); // any route may find the database busy (db/busy.ts) or gone
  return [...errors].sort((a, b) => a - b);
}

function operation(route: RouteContract): ZodOpenApiOperationObject {
  const status = route.status ?? 200;
  const responses: ZodOpenApiOperationObject['responses'] = {
    [String(status)]: route.stream
      ? { description: 'Success, streamed', content: { [route.stream]: { schema: streamSchema(route.stream) } } }
      : route.response
        ? { description: 'Success', content: { 'application/json': { schema: route.response } } }
        : { description: 'Success, no content' },
  };
  for (const code of errorStatuses(route)) {
    responses[String(code) as `${1 | 2 | 3 | 4 | 5}${string}`] = {
      description: errorDescriptions[code] ?? 'Error',
      content: problemContent,
      ...(code === 429 || code === 503
        ? { headers: z.object({ 'Retry-After': z.string().meta({ description: 'Seconds' }) }) }
        : {}),
    };
  }

  return {
    summary: route.summary,
    tags: [...route.tags],
    ...(route.access === 'public' ? { security: [] } : {}),
    requestParams: {
      ...(route.params ? { path: route.params } : {}),
      ...(route.query ? { query: route.query } : {}),
      ...(route.idempotent ? { header: z.object({ 'Idempotency-Key': idempotencyKey.optional() }) } : {}),
    },
    ...(route.body
      ? {
          requestBody: {
            required: route.upload !== undefined || !route.body.safeParse(undefined).success,
            content: route.upload
              ? { 'multipart/form-data': { schema: withFilePart(route.body, route.upload.field) } }
              : { 'application/json': { schema: route.body } },
          },
        }
      : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document of every route, plus the socket events as `x-socket-events`. */
export function buildOpenApiDocument(routes: readonly RouteContract[], info: { version: string }) {
  const paths: ZodOpenApiPathsObject = {};
  for (const route of routes) {
    const path = openApiPath(route.path);
    paths[path] = { ...paths[path], [route.method]: operation(route) };
  }
  const document = createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Panoramix API',
      version: info.version,
      description:
        'Every error is application/problem+json (RFC 9457). Timestamps are ISO 8601 UTC. ' +
        'A method a path does not take (TRACE included, on any path) answers 405 with an Allow header.',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
  });
  const toJsonSchemas = (events: Record<string, z.ZodType>, io: 'input' | 'output') =>
    Object.fromEntries(
      Object.entries(events).map(([name, schema]) => [name, z.toJSONSchema(schema, { io, unrepresentable: 'any' })]),
    );
  return {
    ...document,
    'x-socket-events': toJsonSchemas({ ...domainEvents, ...sessionServerEvents }, 'output'),
    /** Client → server events; each is acknowledged with `{ ok: true, data? }` or `{ ok: false, error }`. */
    'x-socket-client-events': toJsonSchemas({ ...chatClientEvents, ...sessionClientEvents }, 'input'),
  };
}

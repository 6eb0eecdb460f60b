import { z } from 'zod';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * Who may call a route:
 * - `public`: anyone;
 * - `user`: a valid access token;
 * - `admin`: a valid access token of an admin.
 */
export type RouteAccess = 'public' | 'user' | 'admin';

/**
 * One HTTP route described once. The backend validates with it, the OpenAPI
 * document is generated from it and the clients derive their types from it.
 * `path` uses Express syntax (`/api/links/:id`).
 */
export interface RouteContract {
  method: HttpMethod;
  path: string;
  summary: string;
  tags: readonly string[];
  access: RouteAccess;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /**
   * The body is multipart/form-data carrying one file in `field` (at most `maxBytes`) beside the
   * text fields that `body` validates; a larger file answers 413.
   */
  upload?: { field: string; maxBytes: number };
  /** Success status; 204 means no body. */
  status?: 200 | 201 | 202 | 204;
  response?: z.ZodType;
  /** The success body is a stream instead of JSON: Server-Sent Events, or a file's bytes in its own type (any). */
  stream?: 'text/event-stream' | '*/*';
  /**
   * A create: an `Idempotency-Key` header makes a retry safe. The same key and body from the same
   * user replays the first answer; the same key with another body answers 422, and while the first
   * is still running, 409.
   */
  idempotent?: true;
  /** Requests are counted and a flood is refused with 429 and Retry-After. */
  rateLimited?: true;
  /**
   * Error statuses this route answers beyond those its declaration implies (400 for params, query or
   * body; 401 unless public; 403 for admin; 404 for params; 413/415 for a body; 409/422 when
   * idempotent; 429 when rate-limited): a wrong password's 401, a filter naming an unreachable project's 404…
   */
  errors?: readonly number[];
}

/**
 * The `Idempotency-Key` header of an idempotent route (draft-ietf-httpapi-idempotency-key-header):
 * a structured-field string, `"…"`; the bare token is accepted too.
 */
export const idempotencyKey = z
  .string()
  .regex(/^(?:"[\x21\x23-\x5b\x5d-\x7e]{1,255}"|[\x21\x23-\x5b\x5d-\x7e]{1,255})$/, 'must be 1 to 255 visible ASCII characters')
  .transform((key) => key.replace(/^"(.*)"$/, '$1'))
  .meta({
    description:
      'Makes a retry safe: the same key and body within 24 h replays the first answer (same status and body); ' +
      'the key with another body answers 422, a retry while the first is still running 409. A UUID fits.',
    example: '"4f1c2e9b-1e8a-4012-a345-678901234567"',
  });

export const defineRoute = <const R extends RouteContract>(route: R): R => route;

type Infer<T> = T extends z.ZodType ? z.output<T> : undefined;
type Input<T> = T extends z.ZodType ? z.input<T> : undefined;

export type RouteParams<R extends RouteContract> = Infer<R['params']>;
export type RouteQuery<R extends RouteContract> = Infer<R['query']>;
export type RouteBody<R extends RouteContract> = Infer<R['body']>;
/** What a client sends: defaults not yet applied. */
export type RouteBodyInput<R extends RouteContract> = Input<R['body']>;
export type RouteQueryInput<R extends RouteContract> = Input<R['query']>;
export type RouteResponse<R extends RouteContract> = Infer<R['response']>;

/** A key is optional when the contract accepts nothing or only optional members there. */
type Field<K extends string, T> = undefined extends T ? { [P in K]?: T } : object extends T ? { [P in K]?: T } : { [P in K]: T };

/** What a client passes to call a route: its path parameters, query and body, typed from the contract. */
export type RouteInput<R extends RouteContract> = Field<'params', RouteParams<R>> &
  Field<'query', RouteQueryInput<R>> &
  Field<'body', RouteBodyInput<R>>;

export { routeUrl } from './route-url.ts';

import type { z } from 'zod';

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
  /** The success body is a stream of this media type instead of JSON: Server-Sent Events, or a file's bytes. */
  stream?: 'text/event-stream' | 'application/octet-stream';
  /** Extra error statuses worth documenting beyond the usual 400/401/404/429. */
  errors?: readonly number[];
}

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

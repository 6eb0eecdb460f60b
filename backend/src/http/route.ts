import { rm } from 'node:fs/promises';
import type { RouteBody, RouteContract, RouteParams, RouteQuery, RouteResponse } from '@panoramix/contracts';
import type { Request, RequestHandler, Response, Router } from 'express';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { AuthUser } from './auth-guard.ts';
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  fingerprint,
  readIdempotencyKey,
  releaseIdempotencyKey,
} from './idempotency.ts';
import type { Replay } from './idempotency.ts';
import { JsonStream } from './json-stream.ts';
import { HttpError, badRequest, forbidden, fromZod, problemTypes } from './problem.ts';
import { runRequest } from './request-scope.ts';
import type { UploadedFile, UploadReceiver } from './upload.ts';

export interface RouteContext<R extends RouteContract> {
  params: RouteParams<R>;
  query: RouteQuery<R>;
  body: RouteBody<R>;
  /** The caller; present on every route that is not public. */
  user: R['access'] extends 'public' ? undefined : AuthUser;
  /** The received file of an upload route, in a temporary place: move it to keep it. */
  file: R['upload'] extends object ? UploadedFile : undefined;
  req: Request;
  res: Response;
  log: Logger;
}

/** A handler answers with its route's response, or the same response as streamed JSON (`streamJson`). */
type Answer<R extends RouteContract> = RouteResponse<R> | JsonStream<RouteResponse<R>>;
type Handler<R extends RouteContract> = (ctx: RouteContext<R>) => Promise<Answer<R>> | Answer<R>;

/** Resolves the caller from the request, or throws a 401 problem. */
export type Authenticate = (req: Request) => Promise<AuthUser>;

function parse(where: string, schema: z.ZodType | undefined, value: unknown) {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (!result.success) throw fromZod(where, result.error);
  return result.data;
}

const hasBody = (body: unknown) =>
  body !== undefined && !(typeof body === 'object' && body !== null && Object.keys(body).length === 0);

/** An idempotent create: the first request with a key runs, its retries get its answer again. */
async function runOnce(userId: string, key: string, print: string, execute: () => Promise<Replay>): Promise<Replay> {
  const replay = await claimIdempotencyKey(userId, key, print);
  if (replay) return replay;
  let answer: Replay;
  try {
    answer = await execute();
  } catch (error) {
    await releaseIdempotencyKey(userId, key);
    throw error;
  }
  await completeIdempotencyKey(userId, key, answer);
  return answer;
}

/**
 * Binds one contract to one handler: authenticates when the contract's access asks for it,
 * validates params, query and body with the contract's schemas (unknown fields refused),
 * and answers with the contract's status. Handlers take and return plain data. An idempotent
 * contract honours an `Idempotency-Key` header (see idempotency.ts).
 */
export function createBinder(authenticate: Authenticate, options: { receiveUpload?: UploadReceiver } = {}) {
  return function bind<R extends RouteContract>(router: Router, contract: R, handler: Handler<R>) {
    const run: RequestHandler = async (req, res) => {
      const user = contract.access === 'public' ? undefined : await authenticate(req);
      req.user = user;
      if (contract.access === 'admin' && user?.role !== 'admin') throw forbidden('Administrators only');
      // Authenticated before a byte of an upload is stored; a form anywhere else is refused unread.
      if (!contract.upload && req.is('multipart/form-data')) {
        throw new HttpError(
          415,
          problemTypes.unsupportedMediaType,
          'Unsupported media type',
          'Send the body as application/json',
        );
      }
      if (contract.upload && (!options.receiveUpload || !user)) throw new Error('upload routes need a receiver and a user');
      const file = contract.upload ? await options.receiveUpload!(req, res, contract.upload, user!.id) : undefined;
      try {
        if (!contract.body && hasBody(req.body)) throw badRequest('This route takes no body');
        const ctx = {
          params: parse('params', contract.params, req.params) ?? {},
          query: parse('query', contract.query, req.query) ?? {},
          body: parse('body', contract.body, req.body),
          file,
          user,
          req,
          res,
          log: req.log,
        } as RouteContext<R>;
        const status = contract.status ?? 200;
        const key = contract.idempotent && user ? readIdempotencyKey(req) : undefined;
        if (key && user) {
          const answer = await runOnce(user.id, key, await fingerprint(req, ctx, file), async () => ({
            status,
            body: JSON.stringify(await handler(ctx)),
          }));
          res.status(answer.status).type('application/json').send(answer.body);
          return;
        }
        const result = await handler(ctx);
        if (result instanceof JsonStream) return void (await result.write(res, status));
        if (res.headersSent) return; // a streaming handler (events, a file's bytes) answered itself
        if (status === 204) res.status(204).end();
        else res.status(status).json(result);
      } finally {
        // Kept files were moved away; anything still here belongs to a refused request.
        if (file) await rm(file.path, { force: true });
      }
    };
    // One request scope per call: reads memoised per request (visible projects) are shared by its services, then dropped.
    router[contract.method](contract.path, (req, res, next) => runRequest(() => run(req, res, next)));
  };
}

export type Bind = ReturnType<typeof createBinder>;

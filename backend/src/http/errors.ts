import type { RouteContract } from '@panoramix/contracts';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import mongoose from 'mongoose';
import type { ErrorLog } from '../modules/errors/service.ts';
import { badRequest, conflict, HttpError, problemTypes } from './problem.ts';
import { isDatabaseBusy } from '../db/busy.ts';
import { isDuplicateKey } from '../db/duplicate-key.ts';

interface BodyParserError {
  type?: string;
  status?: number;
  expose?: boolean;
  limit?: number;
}

/** Errors thrown by libraries, translated into the problem they really are. */
function known(error: unknown): HttpError | undefined {
  if (error instanceof HttpError) return error;
  const parser = error as BodyParserError;
  switch (parser.type) {
    case 'entity.parse.failed':
      return new HttpError(400, problemTypes.malformedJson, 'Malformed JSON', 'The request body is not valid JSON');
    case 'entity.too.large':
      return new HttpError(
        413,
        problemTypes.payloadTooLarge,
        'Payload too large',
        `The body exceeds the limit of ${parser.limit} bytes`,
      );
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new HttpError(415, problemTypes.unsupportedMediaType, 'Unsupported media type', 'Send UTF-8 JSON');
  }
  if (error instanceof mongoose.Error.CastError) return badRequest(`${error.path}: is not a valid value`);
  if (error instanceof mongoose.Error.ValidationError) {
    const errors = Object.values(error.errors).map((e) => ({ path: `body.${e.path}`, message: e.message }));
    return badRequest('Invalid values', errors);
  }
  if (isDuplicateKey(error)) return conflict('This already exists');
  if (isDatabaseBusy(error)) {
    const detail = 'The database is busy with another write; try again in a moment';
    return new HttpError(503, problemTypes.unavailable, 'Database busy', detail, undefined, { 'Retry-After': '2' });
  }
  return undefined;
}

export const notFoundHandler: RequestHandler = (req) => {
  throw new HttpError(404, problemTypes.notFound, 'Not found', `No route for ${req.method} ${req.originalUrl.split('?')[0]}`);
};

/** `/api/tasks/:id` as a test of a request path (Express matches case-insensitively, with an optional trailing slash). */
const pathTest = (path: string) => new RegExp(`^${path.replace(/:\w+/g, '[^/]+')}/?$`, 'i');

/**
 * A method a known path does not take answers 405 with the methods it does take (RFC 9110 §15.5.6)
 * rather than 404; TRACE answers 405 on any path (nothing here echoes a request back). Mounted after
 * the routes, so only requests no route took reach it.
 */
export function methodNotAllowed(routes: readonly RouteContract[]): RequestHandler {
  const known = routes.map((route) => ({ test: pathTest(route.path), method: route.method.toUpperCase() }));
  return (req, _res, next) => {
    const allowed = new Set(known.filter((route) => route.test.test(req.path)).map((route) => route.method));
    if ((allowed.size === 0 && req.method !== 'TRACE') || allowed.has(req.method)) return next();
    if (allowed.size === 0 && !req.path.startsWith('/api/')) allowed.add('GET'); // the web client's pages
    if (allowed.has('GET')) allowed.add('HEAD');
    if (req.path.startsWith('/api/')) allowed.add('OPTIONS'); // CORS preflights
    const allow = [...allowed].join(', ');
    throw new HttpError(
      405,
      problemTypes.methodNotAllowed,
      'Method not allowed',
      `${req.method} is not allowed here${allow ? `; use ${allow}` : ''}`,
      undefined,
      { Allow: allow },
    );
  };
}

/** JSON only: a request with a body must say it is JSON; upload routes take a form (checked by the binder). */
export const requireJson: RequestHandler = (req, _res, next) => {
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (hasBody && !req.is('application/json') && !req.is('multipart/form-data')) {
    throw new HttpError(415, problemTypes.unsupportedMediaType, 'Unsupported media type', 'Send the body as application/json');
  }
  next();
};

/**
 * The last middleware: every error leaves as application/problem+json. Unexpected errors
 * answer 500 with the request id only; their stack goes to the log and the errors collection.
 */
export function errorHandler(errorLog: ErrorLog): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const requestId = String(req.id ?? '');
    let problem = known(error);
    if (isDatabaseBusy(error)) req.log.warn({ err: error }, 'database busy: answered 503');
    if (!problem) {
      const err = error instanceof Error ? error : new Error(String(error));
      req.log.error({ err }, 'unhandled error');
      void errorLog.record({
        at: new Date(),
        requestId,
        userId: req.user?.id,
        method: req.method,
        path: req.path,
        name: err.name,
        message: err.message,
        stack: err.stack,
      });
      problem = new HttpError(
        500,
        problemTypes.internal,
        'Internal error',
        `Something went wrong; quote request id ${requestId}`,
      );
    }
    if (res.headersSent) return void res.end();
    res.set(problem.headers);
    res
      .status(problem.status)
      .type('application/problem+json')
      .send(JSON.stringify(problem.toProblem(req.originalUrl, requestId)));
  };
}

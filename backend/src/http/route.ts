import type { RouteBody, RouteContract, RouteParams, RouteQuery, RouteResponse } from '@panoramix/contracts';
import type { Request, RequestHandler, Response, Router } from 'express';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { AuthUser } from './auth-guard.ts';
import { badRequest, forbidden, fromZod } from './problem.ts';

export interface RouteContext<R extends RouteContract> {
  params: RouteParams<R>;
  query: RouteQuery<R>;
  body: RouteBody<R>;
  /** The caller; present on every route that is not public. */
  user: R['access'] extends 'public' ? undefined : AuthUser;
  req: Request;
  res: Response;
  log: Logger;
}

type Handler<R extends RouteContract> = (ctx: RouteContext<R>) => Promise<RouteResponse<R>> | RouteResponse<R>;

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

/**
 * Binds one contract to one handler: authenticates when the contract's access asks for it,
 * validates params, query and body with the contract's schemas (unknown fields refused),
 * and answers with the contract's status. Handlers take and return plain data.
 */
export function createBinder(authenticate: Authenticate) {
  return function bind<R extends RouteContract>(router: Router, contract: R, handler: Handler<R>) {
    const run: RequestHandler = async (req, res) => {
      const user = contract.access === 'public' ? undefined : await authenticate(req);
      req.user = user;
      if (contract.access === 'admin' && user?.role !== 'admin') throw forbidden('Administrators only');
      if (!contract.body && hasBody(req.body)) throw badRequest('This route takes no body');
      const ctx = {
        params: parse('params', contract.params, req.params) ?? {},
        query: parse('query', contract.query, req.query) ?? {},
        body: parse('body', contract.body, req.body),
        user,
        req,
        res,
        log: req.log,
      } as RouteContext<R>;
      const result = await handler(ctx);
      if (res.headersSent) return; // a streaming handler (Server-Sent Events) answered itself
      const status = contract.status ?? 200;
      if (status === 204) res.status(204).end();
      else res.status(status).json(result);
    };
    router[contract.method](contract.path, run);
  };
}

export type Bind = ReturnType<typeof createBinder>;

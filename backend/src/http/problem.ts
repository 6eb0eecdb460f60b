import { problemTypes, problemTypeUri } from '@panoramix/contracts';
import type { Problem, ProblemType } from '@panoramix/contracts';
import type { z } from 'zod';

export { problemTypes };

/** An error that becomes a problem+json answer. Services throw these; the error handler renders them. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly type: ProblemType,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: Problem['errors'],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? title);
  }

  toProblem(instance?: string, requestId?: string): Problem {
    return {
      type: problemTypeUri(this.type),
      title: this.title,
      status: this.status,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
      ...(instance ? { instance } : {}),
      ...(requestId ? { requestId } : {}),
    };
  }
}

export const badRequest = (detail: string, errors?: Problem['errors']) =>
  new HttpError(400, problemTypes.validation, 'Invalid input', detail, errors);
export const unauthorized = (detail = 'Sign in to continue') =>
  new HttpError(401, problemTypes.unauthorized, 'Unauthorized', detail);
export const forbidden = (detail = 'You are not allowed to do this') =>
  new HttpError(403, problemTypes.forbidden, 'Forbidden', detail);
export const notFound = (what = 'Resource') => new HttpError(404, problemTypes.notFound, 'Not found', `${what} not found`);
export const conflict = (detail: string, errors?: Problem['errors']) =>
  new HttpError(409, problemTypes.conflict, 'Conflict', detail, errors);
export const tooManyRequests = (retryAfterSeconds: number, detail: string) =>
  new HttpError(429, problemTypes.rateLimited, 'Too many requests', detail, undefined, {
    'Retry-After': String(retryAfterSeconds),
  });

/** Zod issues as problem `errors[]`, one per field, with a dotted path (`body.name`). */
export function fromZod(where: string, error: z.ZodError): HttpError {
  const errors = error.issues.map((issue) => {
    const pathText = [where, ...issue.path.map(String)].join('.');
    return { path: pathText, message: issue.message, code: issue.code };
  });
  const detail = errors.map((e) => `${e.path}: ${e.message}`).join('; ');
  return badRequest(detail, errors);
}

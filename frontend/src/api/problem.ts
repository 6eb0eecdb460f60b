import type { Problem } from '@panoramix/contracts';

/** A failed API call: the problem+json body when the server sent one, plus Retry-After on 429. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
    readonly retryAfterSeconds: number | undefined,
  ) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }

  static async from(response: Response): Promise<ApiError> {
    const type = response.headers.get('content-type') ?? '';
    const problem = type.includes('json') ? ((await response.json().catch(() => undefined)) as Problem | undefined) : undefined;
    const retry = Number(response.headers.get('retry-after'));
    return new ApiError(response.status, problem, Number.isFinite(retry) && retry > 0 ? retry : undefined);
  }

  /** The server's message for one field (`body.username` → `username`). */
  fieldError(field: string): string | undefined {
    return this.problem?.errors?.find((e) => e.path === `body.${field}` || e.path === field)?.message;
  }
}

/** Thrown when the browser could not reach the server at all. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('network unreachable', { cause });
    this.name = 'NetworkError';
  }
}

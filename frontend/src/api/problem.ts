import type { Problem } from '@panoramix/contracts';
import { i18n } from '../i18n/i18n.ts';
import type * as ProblemTextModule from './problem-text.ts';

/** The texts of problems, fetched with the first refusal (outside the first paint's budget). */
type ProblemTexts = typeof ProblemTextModule;
let texts: ProblemTexts | undefined;
async function loadTexts(): Promise<ProblemTexts | undefined> {
  texts ??= await import('./problem-text.ts').catch(() => undefined); // unreachable: the server's words
  return texts;
}

/**
 * A failed API call: the problem+json body when the server sent one, plus Retry-After on 429.
 * Its `message` is the refusal in the user's language (problem-text.ts), ready for a toast.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
    readonly retryAfterSeconds: number | undefined,
  ) {
    super(
      (problem ? texts?.problemText(problem) : texts?.statusText(status)) ??
        problem?.detail ??
        problem?.title ??
        `HTTP ${status}`,
    );
    this.name = 'ApiError';
  }

  static async from(response: Response): Promise<ApiError> {
    const type = response.headers.get('content-type') ?? '';
    const problem = type.includes('json') ? ((await response.json().catch(() => undefined)) as Problem | undefined) : undefined;
    const retry = Number(response.headers.get('retry-after'));
    await loadTexts();
    return new ApiError(response.status, problem, Number.isFinite(retry) && retry > 0 ? retry : undefined);
  }

  /** One field's message (`body.username` → `username`) in the user's language. */
  fieldError(field: string): string | undefined {
    const message = this.problem?.errors?.find((e) => e.path === `body.${field}` || e.path === field)?.message;
    return message === undefined ? undefined : (texts?.fieldText(message) ?? message);
  }
}

/** Thrown when the browser could not reach the server at all. */
export class NetworkError extends Error {
  constructor(cause: unknown, message = i18n.t('errors.network')) {
    super(message, { cause });
    this.name = 'NetworkError';
  }
}

/**
 * A write refused before it is sent, because the browser is offline: nothing is queued, the user
 * is told nothing was saved (a queue would need conflict rules for every kind of item).
 */
export class OfflineError extends NetworkError {
  constructor() {
    super(undefined, i18n.t('errors.offlineWrite'));
    this.name = 'OfflineError';
  }
}

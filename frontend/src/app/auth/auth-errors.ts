import type { TFunction } from 'i18next';
import { ApiError, NetworkError } from '../../api/problem.ts';

/** The sentence to show under an auth form for a failed call. */
export function authErrorMessage(error: unknown, t: TFunction): string {
  if (error instanceof NetworkError) return error.message; // unreachable, or offline (nothing sent)
  if (!(error instanceof ApiError)) return t('errors.unexpected');
  switch (error.status) {
    case 401:
      return t('auth.wrongCredentials');
    case 403:
      return t('auth.accountDisabled');
    case 409:
      return t('auth.usernameTaken');
    case 429: {
      const seconds = error.retryAfterSeconds ?? 60;
      return seconds >= 120
        ? t('auth.rateLimitedMinutes', { count: Math.ceil(seconds / 60) })
        : t('auth.rateLimited', { count: seconds });
    }
    default:
      // Any other refusal in the user's words (api/problem-text.ts), when the server sent one.
      return error.problem ? error.message : t('errors.unexpected');
  }
}

const codeMessages = {
  too_small: 'errors.tooShort',
  too_big: 'errors.tooLong',
  invalid_format: 'errors.invalidFormat',
} as const;

/**
 * A field's error in the user's language: the server's message translated, else its Zod issue
 * code's meaning, else its (English) message, which is still better than nothing.
 */
export function fieldErrorMessage(error: unknown, field: string, t: TFunction): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  if (error.status === 409 && field === 'username') return t('auth.usernameTaken');
  const issue = error.problem?.errors?.find((e) => e.path === `body.${field}`);
  if (!issue) return undefined;
  // The server's own words translated (api/problem-text.ts) say most; else what its Zod code means.
  const translated = error.fieldError(field);
  if (translated && translated !== issue.message) return translated;
  const key = codeMessages[issue.code as keyof typeof codeMessages];
  return key ? t(key) : issue.message;
}

/**
 * Each field's error (see fieldErrorMessage), and whether any field has one: a form shows those
 * beside their fields and the rest of the failure under the form.
 */
export function fieldErrorsOf<F extends string>(error: unknown, fields: readonly F[], t: TFunction) {
  const byField = Object.fromEntries(fields.map((field) => [field, fieldErrorMessage(error, field, t)])) as Record<
    F,
    string | undefined
  >;
  return { byField, any: Object.values(byField).some(Boolean) };
}

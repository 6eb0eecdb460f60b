import type { z } from 'zod';
import type { AuthUser } from '../../http/auth-guard.ts';
import { HttpError, problemTypes } from '../../http/problem.ts';
import type { AiService } from './service.ts';

/** The JSON object of a model's answer: models often wrap it in a ```json fence or a sentence. */
export function jsonOf(text: string): unknown {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(text)?.[1] ?? text;
  const start = fenced.indexOf('{');
  const end = fenced.lastIndexOf('}');
  if (start < 0 || end < start) return undefined;
  try {
    return JSON.parse(fenced.slice(start, end + 1));
  } catch {
    return undefined;
  }
}

/**
 * Asks the chat model for a JSON answer of `schema`. A malformed one (not JSON, or not that shape) is
 * asked again once, then refused with a 502 naming the problem: callers write nothing before this resolves.
 * Each call is bounded by AI_TIMEOUT_MS (the provider's timeout); no model configured is a 503.
 */
export async function askJson<S extends z.ZodType>(
  ai: AiService,
  actor: AuthUser,
  input: { system: string; prompt: string },
  schema: S,
): Promise<z.infer<S>> {
  let problem = '';
  for (let attempt = 0; attempt < 2; attempt++) {
    const answer = await ai.complete(actor, input, new AbortController().signal);
    const parsed = schema.safeParse(jsonOf(answer.text));
    if (parsed.success) return parsed.data;
    problem = parsed.error.issues[0]?.message ?? 'not JSON';
  }
  throw new HttpError(
    502,
    problemTypes.aiBadAnswer,
    'Unusable model answer',
    `The language model twice answered something other than the expected JSON (${problem})`,
  );
}

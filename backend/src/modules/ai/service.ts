import type { ChatMessage } from '@panoramix/contracts';
import { ProviderError } from '../../ml/http-client.ts';
import type { LanguageModel, TokenUsage } from '../../ml/llm/provider.ts';
import { completeChat } from '../../ml/llm/provider.ts';
import type { AuthUser } from '../../http/auth-guard.ts';
import { HttpError, problemTypes } from '../../http/problem.ts';
import type { Logger } from '../../lib/logger.ts';

const unavailable = (use: string) =>
  new HttpError(503, problemTypes.unavailable, 'AI unavailable', `No language model is configured on this server for ${use}`);

/** A model server that fails is a dependency outage (503 saying which), not a bug of ours (500). */
async function orUnavailable<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof ProviderError) throw new HttpError(503, problemTypes.unavailable, 'AI unavailable', error.message);
    throw error;
  }
}

const SUMMARY_PROMPT =
  'You summarise meeting notes. Answer in the language of the notes, in Markdown: a short summary, then ' +
  'the decisions, the risks and the next steps as bullet lists (omit an empty list). Do not invent anything.';

/**
 * The language model proxy: the browser never talks to the model server, and every call's
 * token usage is logged with who asked (never the prompt, which may be private).
 */
export function createAiService(deps: { chat?: LanguageModel | undefined; summary?: LanguageModel | undefined; logger: Logger }) {
  function logUsage(llm: LanguageModel, use: string, actor: AuthUser | null, usage: TokenUsage, started: number) {
    deps.logger.info(
      { use, provider: llm.provider, model: llm.model, userId: actor?.id, ...usage, ms: Date.now() - started },
      'llm usage',
    );
  }

  /** The chat model, or a 503 before anything is streamed. */
  function chatModel(): LanguageModel {
    if (!deps.chat) throw unavailable('chat');
    return deps.chat;
  }

  async function* chat(actor: AuthUser, messages: ChatMessage[], signal: AbortSignal) {
    const llm = chatModel();
    const started = Date.now();
    for await (const chunk of llm.stream(messages, signal)) {
      if (chunk.type === 'done') logUsage(llm, 'chat', actor, chunk.usage, started);
      yield chunk;
    }
  }

  async function complete(actor: AuthUser, input: { prompt: string; system?: string | undefined }, signal: AbortSignal) {
    const llm = chatModel();
    const started = Date.now();
    const messages: ChatMessage[] = [
      ...(input.system ? [{ role: 'system' as const, content: input.system }] : []),
      { role: 'user', content: input.prompt },
    ];
    const answer = await orUnavailable(completeChat(llm, messages, signal));
    logUsage(llm, 'complete', actor, answer.usage, started);
    return answer;
  }

  /** For note sessions; absent when no summary model is configured, so the route can say why. */
  const summarize = deps.summary
    ? async (lines: string[]) => {
        const llm = deps.summary!;
        const started = Date.now();
        const answer = await orUnavailable(
          completeChat(llm, [
            { role: 'system', content: SUMMARY_PROMPT },
            { role: 'user', content: lines.map((line) => `- ${line}`).join('\n') },
          ]),
        );
        logUsage(llm, 'session-summary', null, answer.usage, started);
        return answer.text.trim();
      }
    : undefined;

  return { chatModel, chat, complete, summarize };
}

export type AiService = ReturnType<typeof createAiService>;

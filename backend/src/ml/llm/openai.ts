import type { ChatMessage } from '@panoramix/contracts';
import { ProviderError, lines, send } from '../http-client.ts';
import type { ChatChunk, LanguageModel, TokenUsage } from './provider.ts';

interface OpenAiChunk {
  choices?: { delta?: { content?: string | null } }[];
  usage?: { prompt_tokens?: number; completion_tokens?: number } | null;
  error?: { message?: string };
}

/** `POST /v1/chat/completions` with `stream: true`: Server-Sent Events ending in `data: [DONE]`. */
export function createOpenAiChat(options: {
  baseUrl: string;
  apiKey?: string | undefined;
  model: string;
  timeoutMs: number;
}): LanguageModel {
  return {
    provider: 'openai',
    model: options.model,
    async *stream(messages: ChatMessage[], signal?: AbortSignal): AsyncGenerator<ChatChunk> {
      const res = await send('openai', `${options.baseUrl}/chat/completions`, {
        // include_usage: the last chunk then reports tokens, which we log.
        body: { model: options.model, messages, stream: true, stream_options: { include_usage: true } },
        headers: options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {},
        timeoutMs: options.timeoutMs,
        signal,
      });
      let usage: TokenUsage = { promptTokens: null, completionTokens: null };
      for await (const line of lines(res)) {
        if (!line.startsWith('data:')) continue;
        const payload = line.slice(5).trim();
        if (payload === '[DONE]') {
          yield { type: 'done', usage };
          return;
        }
        const data = JSON.parse(payload) as OpenAiChunk;
        if (data.error) throw new ProviderError('openai', data.error.message ?? 'error in stream');
        const text = data.choices?.[0]?.delta?.content;
        if (text) yield { type: 'token', text };
        if (data.usage)
          usage = { promptTokens: data.usage.prompt_tokens ?? null, completionTokens: data.usage.completion_tokens ?? null };
      }
      throw new ProviderError('openai', 'the stream ended without [DONE]');
    },
  };
}

import type { ChatMessage } from '@panoramix/contracts';
import { ProviderError, lines, send } from '../http-client.ts';
import type { ChatChunk, LanguageModel } from './provider.ts';

interface OllamaLine {
  message?: { content?: string };
  done?: boolean;
  error?: string;
  prompt_eval_count?: number;
  eval_count?: number;
}

/** Ollama's `POST /api/chat`, streamed as one JSON object per line. */
export function createOllamaChat(options: { url: string; model: string; timeoutMs: number }): LanguageModel {
  return {
    provider: 'ollama',
    model: options.model,
    async *stream(messages: ChatMessage[], signal?: AbortSignal): AsyncGenerator<ChatChunk> {
      const res = await send('ollama', `${options.url}/api/chat`, {
        body: { model: options.model, messages, stream: true },
        timeoutMs: options.timeoutMs,
        signal,
      });
      for await (const line of lines(res)) {
        if (!line.trim()) continue;
        const data = JSON.parse(line) as OllamaLine;
        if (data.error) throw new ProviderError('ollama', data.error);
        if (data.message?.content) yield { type: 'token', text: data.message.content };
        if (data.done) {
          yield {
            type: 'done',
            usage: { promptTokens: data.prompt_eval_count ?? null, completionTokens: data.eval_count ?? null },
          };
          return;
        }
      }
      throw new ProviderError('ollama', 'the answer ended before it was done');
    },
  };
}

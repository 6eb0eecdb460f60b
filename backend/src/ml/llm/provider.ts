import type { ChatMessage } from '@panoramix/contracts';

export interface TokenUsage {
  promptTokens: number | null;
  completionTokens: number | null;
}

/** What a stream yields: text as it comes, then once the usage the server reported. */
export type ChatChunk = { type: 'token'; text: string } | { type: 'done'; usage: TokenUsage };

/** A chat model behind one interface, whatever server speaks for it. */
export interface LanguageModel {
  readonly provider: 'ollama' | 'openai';
  readonly model: string;
  /** Streams the answer; aborting `signal` closes the connection to the model server. */
  stream(messages: ChatMessage[], signal?: AbortSignal): AsyncGenerator<ChatChunk>;
}

/** The whole answer at once, built on the stream so both paths share one parser. */
export async function completeChat(llm: LanguageModel, messages: ChatMessage[], signal?: AbortSignal) {
  let text = '';
  let usage: TokenUsage = { promptTokens: null, completionTokens: null };
  for await (const chunk of llm.stream(messages, signal)) {
    if (chunk.type === 'token') text += chunk.text;
    else usage = chunk.usage;
  }
  return { text, usage, model: llm.model };
}

import { ProviderError, requestJson } from '../http-client.ts';
import type { EmbeddingProvider } from './provider.ts';
import { normalizeVector } from './provider.ts';

interface EmbeddingsAnswer {
  data?: { index: number; embedding: number[] }[];
}

/** Any server speaking OpenAI's `POST /v1/embeddings` (OpenAI, LM Studio, vLLM, LocalAI…). */
export function createOpenAiEmbedder(options: {
  baseUrl: string;
  apiKey?: string | undefined;
  model: string;
  timeoutMs: number;
}): EmbeddingProvider {
  const embedder = {
    provider: 'openai' as const,
    model: options.model,
    dimension: null as number | null,
    description: `OpenAI-compatible server at ${options.baseUrl}`,
    async embed(texts: string[], signal?: AbortSignal) {
      const body = await requestJson<EmbeddingsAnswer>('openai', `${options.baseUrl}/embeddings`, {
        body: { model: options.model, input: texts },
        headers: options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {},
        timeoutMs: options.timeoutMs,
        signal,
      });
      if (!Array.isArray(body.data) || body.data.length !== texts.length) {
        throw new ProviderError('openai', `expected ${texts.length} embeddings, got ${body.data?.length ?? 'none'}`);
      }
      // The specification lets servers answer out of order; `index` says which text each is.
      const vectors = [...body.data].sort((a, b) => a.index - b.index).map((d) => normalizeVector(d.embedding));
      embedder.dimension = vectors[0]?.length ?? embedder.dimension;
      return vectors;
    },
  };
  return embedder;
}

import { ProviderError, requestJson } from '../http-client.ts';
import type { EmbeddingProvider } from './provider.ts';
import { normalizeVector } from './provider.ts';

/** Ollama's batch endpoint (`POST /api/embed`, Ollama 0.3+): one call for many texts. */
export function createOllamaEmbedder(options: { url: string; model: string; timeoutMs: number }): EmbeddingProvider {
  const embedder = {
    provider: 'ollama' as const,
    model: options.model,
    dimension: null as number | null,
    description: `Ollama at ${options.url}`,
    async embed(texts: string[], signal?: AbortSignal) {
      const body = await requestJson<{ embeddings?: number[][] }>('ollama', `${options.url}/api/embed`, {
        body: { model: options.model, input: texts, truncate: true },
        timeoutMs: options.timeoutMs,
        signal,
      });
      if (!Array.isArray(body.embeddings) || body.embeddings.length !== texts.length) {
        throw new ProviderError('ollama', `expected ${texts.length} embeddings, got ${body.embeddings?.length ?? 'none'}`);
      }
      embedder.dimension = body.embeddings[0]?.length ?? embedder.dimension;
      return body.embeddings.map(normalizeVector);
    },
  };
  return embedder;
}

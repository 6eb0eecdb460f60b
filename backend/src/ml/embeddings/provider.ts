/** Turns texts into vectors. Every provider answers one vector per text, in order. */
export interface EmbeddingProvider {
  readonly provider: 'local' | 'ollama' | 'openai';
  readonly model: string;
  /** Known up front for local models; learned from the first answer for remote ones. */
  readonly dimension: number | null;
  /** Shown in the AI status, so nobody mistakes the offline fallback for a language model. */
  readonly description: string;
  /**
   * For an embedder whose similarity is lexical (hashing): given the query, whether a text really
   * shares something with it, so a point that is only near it by a hash collision is not a hit.
   * The query is read once, whatever the number of hits checked.
   */
  related?(query: string): (text: string) => boolean;
  embed(texts: string[], signal?: AbortSignal): Promise<number[][]>;
}

/** Unit length, so cosine similarity is a plain dot product in every store. */
export function normalizeVector(vector: number[]): number[] {
  let sum = 0;
  for (const x of vector) sum += x * x;
  const norm = Math.sqrt(sum) || 1;
  return vector.map((x) => x / norm);
}

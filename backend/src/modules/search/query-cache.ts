import type { EmbeddingProvider } from '../../ml/embeddings/provider.ts';
import { collapseWhitespace, normalize } from '../../ml/text.ts';

const SIZE = 2000;

/** Query vectors by normalized query (Panorama kept 2000): typing the same words again costs no embedding call. */
export function createQueryCache(embedder: EmbeddingProvider) {
  const cache = new Map<string, number[]>();
  return async function vectorOf(query: string): Promise<number[]> {
    const key = collapseWhitespace(normalize(query));
    const hit = cache.get(key);
    if (hit) {
      cache.delete(key);
      cache.set(key, hit); // most recently used last; the first key is the one to evict
      return hit;
    }
    const [vector] = await embedder.embed([query]);
    cache.set(key, vector!);
    if (cache.size > SIZE) cache.delete(cache.keys().next().value!);
    return vector!;
  };
}

import { ProviderError, requestJson } from '../http-client.ts';
import type { PointPayload, VectorHit, VectorPoint, VectorQuery, VectorStore } from './store.ts';

interface CollectionAnswer {
  result: { config: { params: { vectors: { size: number } } } };
}

const match = (key: string, values: readonly string[]) => ({ key, match: { any: values } });

/**
 * Qdrant over its REST API. Every search sends the scope (and kind) filter, so the server
 * never returns a point of someone else's, whatever the query text.
 */
export function createQdrantStore(options: {
  url: string;
  apiKey?: string | undefined;
  collection: string;
  timeoutMs: number;
}): VectorStore {
  const base = `${options.url}/collections/${encodeURIComponent(options.collection)}`;
  const headers: Record<string, string> = options.apiKey ? { 'api-key': options.apiKey } : {};
  const call = <T>(path: string, method: string, body?: unknown) =>
    requestJson<T>('qdrant', base + path, { method, body, headers, timeoutMs: options.timeoutMs });

  async function existingSize(): Promise<number | null> {
    try {
      const info = await call<CollectionAnswer>('', 'GET');
      return info.result.config.params.vectors.size;
    } catch (error) {
      if (error instanceof ProviderError && error.status === 404) return null;
      throw error;
    }
  }

  return {
    kind: 'qdrant',
    collection: options.collection,
    async ensure(dimension) {
      const size = await existingSize();
      if (size !== null) {
        if (size !== dimension)
          throw new ProviderError('qdrant', `collection ${options.collection} holds ${size}-d vectors, not ${dimension}`);
        return;
      }
      await call('', 'PUT', { vectors: { size: dimension, distance: 'Cosine' } });
      for (const field of ['scope', 'kind', 'userId', 'id', 'projectId']) {
        await call('/index?wait=true', 'PUT', { field_name: field, field_schema: 'keyword' });
      }
    },
    async upsert(points: VectorPoint[]) {
      if (points.length === 0) return;
      await call('/points?wait=true', 'PUT', { points });
    },
    async removeItems(items) {
      if (items.length === 0) return;
      const should = items.map((item) => ({ must: [match('kind', [item.kind]), match('id', [item.id])] }));
      await call('/points/delete?wait=true', 'POST', { filter: { should } });
    },
    async removeScope(scope) {
      await call('/points/delete?wait=true', 'POST', { filter: { must: [match('scope', [scope])] } });
    },
    async search(query: VectorQuery): Promise<VectorHit[]> {
      if (query.scopes.length === 0) return [];
      const must = [match('scope', query.scopes)];
      if (query.kinds?.length) must.push(match('kind', query.kinds));
      const answer = await call<{ result: { id: string; score: number; payload: PointPayload }[] }>('/points/search', 'POST', {
        vector: query.vector,
        filter: { must },
        limit: query.limit,
        with_payload: true,
      });
      return answer.result.map((hit) => ({ id: String(hit.id), score: hit.score, payload: hit.payload }));
    },
    async count() {
      const answer = await call<{ result: { count: number } }>('/points/count', 'POST', { exact: true });
      return answer.result.count;
    },
    async ping() {
      await requestJson('qdrant', `${options.url}/collections`, { headers, timeoutMs: Math.min(options.timeoutMs, 5000) });
    },
  };
}

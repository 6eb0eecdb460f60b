import type { AiStatus, SearchHit, SearchKind } from '@panoramix/contracts';
import type { EmbeddingProvider } from '../../ml/embeddings/provider.ts';
import { SearchEntryModel } from '../../ml/index/entries.ts';
import type { SearchEntryDoc } from '../../ml/index/entries.ts';
import { queueStatus } from '../../ml/index/queue.ts';
import { collapseWhitespace, tokenize } from '../../ml/text.ts';
import type { VectorStore } from '../../ml/vectors/store.ts';
import type { AuthUser } from '../../http/auth-guard.ts';
import { idOrNull } from '../../lib/dto.ts';
import { roomScopes } from '../chat/search.ts';
import { findMemberProject, memberProjectIds } from '../../sharing/access.ts';
import { keywordMatches } from './keyword.ts';
import { createQueryCache } from './query-cache.ts';
import { snippetOf } from './snippet.ts';

/** Reciprocal rank fusion constant: the usual 60 keeps one list's top hit from drowning the other. */
const RRF_K = 60;

/** One result per item: the first (best) chunk of a ranked list stands for its item. */
function firstPerItem<T>(list: T[], keyOf: (item: T) => string): [string, T][] {
  const best = new Map<string, T>();
  for (const item of list) if (!best.has(keyOf(item))) best.set(keyOf(item), item);
  return [...best];
}

export interface SearchDeps {
  embedder: EmbeddingProvider;
  store: VectorStore;
  /** The language model settings, for the status only. */
  llm: Pick<AiStatus, 'chat' | 'summary'>;
}

export function createSearchService(deps: SearchDeps) {
  const queryVector = createQueryCache(deps.embedder);

  /** Scopes the caller may read: their own unfiled items, their projects' content and their rooms' messages; server-side only. */
  async function scopesOf(actor: AuthUser, projectId?: string) {
    if (projectId) return [`project:${String((await findMemberProject(actor, projectId))._id)}`];
    const [projects, rooms] = await Promise.all([memberProjectIds(actor), roomScopes(actor)]);
    return [`user:${actor.id}`, ...projects.map((id) => `project:${String(id)}`), ...rooms];
  }

  async function vectorMatches(q: string, scopes: string[], kinds: SearchKind[] | undefined, limit: number) {
    const hits = await deps.store.search({ vector: await queryVector(q), scopes, kinds, limit: limit * 3 });
    // Vector search always answers its k nearest, related or not: keep those near the best one.
    const best = hits[0]?.score ?? 0;
    return hits.filter((h) => h.score >= Math.max(0.1, best * 0.5));
  }

  async function search(
    actor: AuthUser,
    query: { q: string; kinds?: SearchKind[] | undefined; projectId?: string | undefined; limit: number },
  ) {
    const scopes = await scopesOf(actor, query.projectId);
    const words = [...new Set(tokenize(query.q))];
    let semantic = true;
    const [vector, keyword] = await Promise.all([
      vectorMatches(query.q, scopes, query.kinds, query.limit).catch(() => {
        semantic = false;
        return [];
      }),
      keywordMatches({ scopes, kinds: query.kinds }, words),
    ]);
    // Vector hits are read back from the entries, inside the caller's scopes again: a stale point finds nothing.
    const entries = new Map(keyword.map((entry) => [entry._id, entry]));
    const unread = [...new Set(vector.map((hit) => hit.id))].filter((id) => !entries.has(id));
    if (unread.length > 0) {
      const loaded = await SearchEntryModel.find({ _id: { $in: unread }, scope: { $in: scopes } }).lean<SearchEntryDoc[]>();
      for (const entry of loaded) entries.set(entry._id, entry);
    }
    const related = deps.embedder.related?.(query.q);
    const near = vector.filter((hit) => {
      const entry = entries.get(hit.id);
      return entry !== undefined && (!related || related(`${entry.title}\n${entry.text}`));
    });
    const fused = new Map<string, { score: number; entry: SearchEntryDoc }>();
    const add = (key: string, rank: number, entry: SearchEntryDoc) => {
      const current = fused.get(key);
      if (current) current.score += 1 / (RRF_K + rank);
      else fused.set(key, { score: 1 / (RRF_K + rank), entry });
    };
    firstPerItem(near, (hit) => `${hit.payload.kind}:${hit.payload.id}`).forEach(([key, hit], rank) =>
      add(key, rank, entries.get(hit.id)!),
    );
    firstPerItem(keyword, (entry) => `${entry.kind}:${entry.itemId}`).forEach(([key, entry], rank) => add(key, rank, entry));
    const ranked = [...fused.values()].sort((a, b) => b.score - a.score).slice(0, query.limit);
    const items: SearchHit[] = ranked.map((r) => toHit(r.entry, r.score, words));
    return { items, semantic };
  }

  function toHit(entry: SearchEntryDoc, score: number, words: string[]): SearchHit {
    const { snippet, highlights } = snippetOf(collapseWhitespace(entry.text || entry.title), words);
    return {
      kind: entry.kind as SearchKind,
      id: entry.itemId,
      title: entry.title,
      snippet,
      highlights,
      score: Math.round(score * 1e5) / 1e5,
      projectId: idOrNull(entry.projectId),
      target: entry.target,
      updatedAt: entry.updatedAt.toISOString(),
    };
  }

  /**
   * The queue's last error names another user's item and may quote their text (a provider's
   * complaint): its details are for administrators; everyone else sees that something failed, and when.
   */
  async function status(actor: AuthUser): Promise<AiStatus> {
    const reach = (probe: Promise<unknown>) =>
      probe.then(
        () => ({ reachable: true, error: null }),
        (error: unknown) => ({ reachable: false, error: error instanceof Error ? error.message : String(error) }),
      );
    const probeSignal = AbortSignal.timeout(5000);
    const [embeddings, store, queue] = await Promise.all([
      reach(deps.embedder.embed(['status'], probeSignal)),
      reach(deps.store.ping()),
      queueStatus(),
    ]);
    const { provider, model, dimension, description } = deps.embedder;
    return {
      embeddings: { ...embeddings, provider, model, dimension, description },
      vectorStore: { ...store, kind: deps.store.kind, collection: deps.store.collection },
      ...deps.llm,
      queue:
        actor.role === 'admin' || !queue.lastError
          ? queue
          : { ...queue, lastError: { ...queue.lastError, id: null, reason: null } },
    };
  }

  async function collectionInfo(actor: AuthUser) {
    const rows = await SearchEntryModel.aggregate<{ _id: string; n: number }>([
      { $match: { scope: { $in: await scopesOf(actor) }, chunk: 0 } },
      { $group: { _id: '$kind', n: { $sum: 1 } } },
    ]);
    return {
      collection: deps.store.collection,
      model: deps.embedder.model,
      dimension: deps.embedder.dimension,
      counts: Object.fromEntries(rows.map((r) => [r._id, r.n])),
    };
  }

  return { search, status, collectionInfo };
}

export type SearchService = ReturnType<typeof createSearchService>;

import type { EmbeddingProvider } from '../embeddings/provider.ts';
import { idOrNull } from '../../lib/dto.ts';
import { chunkText, collapseWhitespace, pointId, tokenize } from '../text.ts';
import type { VectorPoint, VectorStore } from '../vectors/store.ts';
import { SearchEntryModel } from './entries.ts';
import type { SearchEntryDoc } from './entries.ts';
import { indexerFree } from './hold.ts';
import { PURGE, claim, complete, fail } from './queue.ts';
import type { QueueEntry } from './queue.ts';
import type { IndexedItem, SearchSource } from './sources.ts';
import { onlyDuplicateKeys } from '../../db/duplicate-key.ts';
import { anyOf } from '../../db/any-of.ts';

/** A batch after writes: a few live edits, indexed at once. */
const BATCH = 32;
/**
 * The largest batch, taken when a backlog fills batch after batch (an import, a reindex). On FerretDB
 * a batch costs some ten whole-collection scans (the claim, the items, the entries, the settle),
 * whatever its size: 10,000 people imported at 32 a batch took the index over 50 minutes.
 */
const MAX_BATCH = 512;
/** Chunks embedded per call: a large batch is not one request that outlasts the model's timeout. */
const EMBED_CALL = 64;
/** The longest rest after a full batch (see runBatch). */
const MAX_REST_MS = 1000;
const MAX_TOKENS = 4000;

interface Chunk {
  entry: SearchEntryDoc;
  embedText: string;
}

function chunksOf(source: SearchSource, item: IndexedItem): Chunk[] {
  const texts = source.chunked ? chunkText(item.text) : [item.text];
  return texts.map((text, chunk) => ({
    embedText: `${item.title}\n${text}`.slice(0, 8000),
    entry: {
      _id: pointId(source.kind, item.id, texts.length > 1 ? chunk : undefined),
      userId: item.userId,
      scope: item.scope,
      projectId: item.projectId,
      kind: source.kind,
      itemId: item.id,
      chunk,
      title: item.title,
      text,
      tokens: [...new Set(tokenize(`${item.title} ${text}`))].slice(0, MAX_TOKENS),
      target: item.target,
      updatedAt: item.updatedAt,
    },
  }));
}

/**
 * Entry ids are derived from the item and chunk, so a taken id means another worker indexed the
 * same item at the same moment (a write queues it again while it is being indexed, or a reindex
 * queues everything): its entries are as current as ours, and a later change queues a new version.
 * Unordered, so the other items of the batch are written all the same.
 */
export async function insertEntries(entries: Record<string, unknown>[]) {
  try {
    await SearchEntryModel.insertMany(entries, { ordered: false });
  } catch (error) {
    if (!onlyDuplicateKeys(error)) throw error;
  }
}

/**
 * Works through the backlog: claims a batch, reads the items' current state, embeds every
 * chunk in one call, replaces the items' points and keyword entries, then completes the batch.
 * A failure sends the batch back with backoff, and to the dead letters after the last attempt.
 */
export function createIndexWorker(deps: {
  sources: readonly SearchSource[];
  embedder: EmbeddingProvider;
  store: VectorStore;
  leaseMs: number;
  onError?: (error: unknown) => void;
}) {
  const byKind = new Map(deps.sources.map((s) => [s.kind as string, s]));

  async function remove(items: { kind: string; id: string }[]) {
    if (items.length === 0) return;
    await deps.store.removeItems(items);
    await SearchEntryModel.deleteMany(
      anyOf(
        'kind',
        'itemId',
        items.map((i) => [i.kind, i.id]),
      ),
    ).setOptions({
      tenancy: 'system',
    });
  }

  async function refresh(entries: QueueEntry[]) {
    const chunks: Chunk[] = [];
    const gone: { kind: string; id: string }[] = [];
    const groups = new Map<string, QueueEntry[]>();
    for (const entry of entries) groups.set(entry.kind, [...(groups.get(entry.kind) ?? []), entry]);
    for (const [kind, group] of groups) {
      const source = byKind.get(kind);
      if (!source) continue; // a kind no longer registered: nothing to index
      const items = await source.load(group.map((e) => e.itemId));
      const present = new Set(items.map((i) => i.id));
      gone.push(...group.filter((e) => !present.has(e.itemId)).map((e) => ({ kind, id: e.itemId })));
      for (const item of items) chunks.push(...chunksOf(source, item));
    }
    await remove(gone);
    if (chunks.length === 0) return;
    const vectors: number[][] = [];
    for (let i = 0; i < chunks.length; i += EMBED_CALL) {
      vectors.push(...(await deps.embedder.embed(chunks.slice(i, i + EMBED_CALL).map((c) => c.embedText))));
    }
    await deps.store.ensure(vectors[0]!.length);
    const points: VectorPoint[] = chunks.map(({ entry }, i) => ({
      id: entry._id,
      vector: vectors[i]!,
      payload: {
        userId: String(entry.userId),
        kind: entry.kind,
        id: entry.itemId,
        title: entry.title,
        projectId: idOrNull(entry.projectId),
        updatedAt: entry.updatedAt.toISOString(),
        scope: entry.scope,
        chunk: entry.chunk,
      },
    }));
    // Old chunks first: a note that got shorter must not keep its former tail.
    await remove([
      ...new Map(chunks.map(({ entry }) => [`${entry.kind}:${entry.itemId}`, { kind: entry.kind, id: entry.itemId }])).values(),
    ]);
    await deps.store.upsert(points);
    await insertEntries(chunks.map((c) => ({ ...c.entry, text: collapseWhitespace(c.entry.text) })));
  }

  let restUntil = 0;
  /** Doubles while batches come back full, back to BATCH once one does not. */
  let size = BATCH;

  /**
   * One batch; resolves with how many entries it took (0 when the backlog is empty). After a full
   * batch (a backlog: a reindex, an import) the next one waits as long as this one took, up to a
   * second: on a single-writer database (FerretDB on SQLite) back-to-back batches would hold it
   * all the time and user requests would queue behind them; so a backlog takes at most about half
   * of it. A few live edits fill no batch and are indexed at once.
   */
  async function runBatch(): Promise<number> {
    const rest = restUntil - Date.now();
    if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
    await indexerFree();
    const startedAt = Date.now();
    const asked = size;
    const taken = await indexBatch(asked);
    const full = taken === asked;
    size = full ? Math.min(asked * 2, MAX_BATCH) : BATCH;
    restUntil = full ? Date.now() + Math.min(Date.now() - startedAt, MAX_REST_MS) : 0;
    return taken;
  }

  async function indexBatch(limit: number): Promise<number> {
    // The lease covers one model call's worst case per EMBED_CALL / 2 entries (notes make several chunks).
    const { token, entries } = await claim(limit, deps.leaseMs * Math.ceil(limit / (EMBED_CALL / 2)));
    if (entries.length === 0) return 0;
    try {
      await indexerFree();
      const purges = entries.filter((e) => e.kind === PURGE);
      for (const purge of purges) {
        await deps.store.removeScope(purge.itemId);
        await SearchEntryModel.deleteMany({ scope: purge.itemId });
      }
      await refresh(entries.filter((e) => e.kind !== PURGE));
      await indexerFree();
      await complete(token, entries);
    } catch (error) {
      deps.onError?.(error);
      await fail(token, entries, error instanceof Error ? error.message : String(error));
    }
    return entries.length;
  }

  /** Runs batches until nothing is due. */
  async function drain(onProgress?: (done: number) => void) {
    let done = 0;
    for (let n = await runBatch(); n > 0; n = await runBatch()) onProgress?.((done += n));
    return done;
  }

  return { runBatch, drain };
}

export type IndexWorker = ReturnType<typeof createIndexWorker>;

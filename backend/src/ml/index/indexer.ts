import mongoose from 'mongoose';
import type { JobDefinition } from '../../jobs/runner.ts';
import type { Logger } from '../../lib/logger.ts';
import type { AnyDomainEvent, EventBus } from '../../realtime/event-bus.ts';
import type { EmbeddingProvider } from '../embeddings/provider.ts';
import type { VectorStore } from '../vectors/store.ts';
import { indexerFree } from './hold.ts';
import { IndexQueueModel, PURGE, enqueue, queueKey, queuedStates } from './queue.ts';
import { reconcile } from './reconcile.ts';
import type { SearchSource } from './sources.ts';
import { createIndexWorker } from './worker.ts';
import { isDuplicateKey } from '../../db/duplicate-key.ts';

export const INDEX_JOB = 'search.index';
export const REINDEX_JOB = 'search.reindex';
export const RECONCILE_JOB = 'search.reconcile';

/**
 * What the sources write into entries (kinds, scopes, targets). Bump it with such a change: a
 * collection indexed in an older format is reindexed once, so items written before get it too.
 * 2: chat messages indexed; targets are web app paths.
 */
export const INDEX_FORMAT = 2;

/**
 * How long a run waits after the write that woke it, so a burst (a chat at 25 messages/s, an
 * import) is indexed in a few batches rather than one per write: each batch costs collection
 * scans on FerretDB. Search lags writes by about this much.
 */
const BATCH_WINDOW_MS = 300;

interface CollectionRecord {
  _id: string;
  provider: string;
  model: string;
  createdAt: Date;
  format?: number;
}

/**
 * Enqueues every item of every source: the full rebuild (model change, `npm run reindex`). Items
 * already pending are left out: they are indexed from the item as it is when a batch takes them,
 * and offering them again costs an update of the queue per page, which FerretDB answers by scanning
 * the whole backlog (after a 100,000-document import, the start's rebuild kept the database busy
 * for over ten minutes and the API's shutdown waited for it).
 */
export async function enqueueAll(sources: readonly SearchSource[], onProgress?: (queued: number) => void) {
  const states = await queuedStates();
  let queued = 0;
  for (const source of sources) {
    for await (const stamps of source.stamps()) {
      const items = stamps.filter(({ id }) => states.get(queueKey(source.kind, id)) !== 'pending');
      await enqueue(
        items.map(({ id }) => ({ kind: source.kind, id })),
        { whenQueued: 'revive' },
      );
      onProgress?.((queued += stamps.length));
    }
  }
  return queued;
}

/**
 * Keeps the index in step with the data: listens to every domain event, turns the ones that
 * touch an indexed kind into durable queue entries, and runs the worker after them (and every
 * few seconds as a job, for retries and work left by a crashed instance). The first run
 * on a collection never seen before (a new model) queues a full reindex, so vectors of two
 * models never meet in one collection.
 */
export function createIndexer(deps: {
  sources: readonly SearchSource[];
  embedder: EmbeddingProvider;
  store: VectorStore;
  events: EventBus;
  logger: Logger;
  leaseMs: number;
}) {
  const kindOf = new Map<string, string>();
  for (const source of deps.sources) for (const type of source.events) kindOf.set(type, source.kind);
  const purgeOf = new Map<string, NonNullable<SearchSource['purge']>>();
  for (const source of deps.sources) for (const type of source.purge?.events ?? []) purgeOf.set(type, source.purge!);
  const worker = createIndexWorker({
    ...deps,
    onError: (error) => deps.logger.warn({ err: error }, 'search indexing failed; will retry'),
  });
  let prepared: Promise<void> | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  /** Ends the current batch window early: flush and stop do not wait it out. */
  let hurry: (() => void) | undefined;

  const batchWindow = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, BATCH_WINDOW_MS);
      hurry = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  /**
   * Drains the queue in this process shortly after a write: one run at a time, and events arriving
   * meanwhile ask for one more pass. Not a queued job per event: on FerretDB every job document
   * makes each poll slower (at 25 chat messages/s they were the dearest part of a send). Entries
   * are durable and leased, so a run cut short by a crash or a stop is picked up by the periodic job.
   */
  function wake() {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        await batchWindow();
        if (stopped) return; // shutting down: the backlog waits for the next start
        again = false;
        await drainUntilStopped();
      } while (again && !stopped);
    })()
      .catch((error: unknown) => deps.logger.warn({ err: error }, 'search indexing run failed; the periodic job retries'))
      .finally(() => (running = undefined));
  }

  /**
   * Batches until the backlog is empty, or the process stops: a shutdown waits for one batch, not the backlog.
   * One drain at a time in this process (the run after a write, the periodic job, a flush): FerretDB does not
   * isolate the claim's multi-document update, so two drains here took the same entries (171 of 200 in a
   * test of concurrent claims), and the one that had read an item before a later edit then wrote its old
   * text over the newer entries. On MongoDB the claim is atomic per entry, which keeps instances apart.
   */
  let draining: Promise<void> = Promise.resolve();
  function drainUntilStopped() {
    const run = draining.then(async () => {
      // A bulk writer holding the worker off holds the start's reindex and reconciliation off too:
      // they read and queue every item, and beside a 6,000-person import they queued its people first.
      await indexerFree();
      await prepare();
      for (let taken = 1; taken > 0 && !stopped;) taken = await worker.runBatch();
    });
    draining = run.catch(() => undefined);
    return run;
  }

  /** No new runs; waits for the one in flight (graceful shutdown). */
  async function stop() {
    stopped = true;
    hurry?.();
    await running;
  }

  const inFlight = new Set<Promise<void>>();

  function onEvent(event: AnyDomainEvent) {
    const queued = queue(event);
    inFlight.add(queued);
    return queued.finally(() => inFlight.delete(queued));
  }

  async function queue(event: AnyDomainEvent) {
    const items: { kind: string; id: string }[] = [];
    const kind = kindOf.get(event.type);
    if (kind) items.push({ kind, id: (event.data as { id: string }).id });
    const purged = await purgeOf.get(event.type)?.scopeOf(event);
    if (purged) items.push({ kind: PURGE, id: purged });
    if (items.length === 0) return;
    await enqueueTogether(items);
    wake();
  }

  /**
   * The entries of events emitted together (a bulk change announces each of its tasks, concurrent
   * requests write at once) are stored in one write at the end of the event loop's turn, not one
   * each; every emit still resolves only once its own entries are stored.
   */
  let gathering: { items: { kind: string; id: string }[]; stored: Promise<void> } | undefined;
  function enqueueTogether(items: readonly { kind: string; id: string }[]) {
    if (!gathering) {
      const batch = { items: [] as { kind: string; id: string }[], stored: Promise.resolve() };
      batch.stored = new Promise((resolve) => setImmediate(resolve)).then(() => {
        gathering = undefined;
        return enqueue(batch.items);
      });
      gathering = batch;
    }
    gathering.items.push(...items);
    return gathering.stored;
  }

  async function recordCollection() {
    const records = mongoose.connection.collection<CollectionRecord>('search_collections');
    const name = deps.store.collection;
    // Queue first, record second: a crash in between queues again (harmless), never forgets the reindex.
    const record = await records.findOne({ _id: name });
    if (record?.format !== INDEX_FORMAT) {
      const queued = await enqueueAll(deps.sources);
      await records
        .updateOne(
          { _id: name },
          {
            $setOnInsert: { provider: deps.embedder.provider, model: deps.embedder.model, createdAt: new Date() },
            $set: { format: INDEX_FORMAT },
          },
          { upsert: true },
        )
        // Another instance recorded it at the same moment (FerretDB does not retry racing upserts): theirs holds.
        .catch((error: unknown) => {
          if (!isDuplicateKey(error)) throw error;
        });
      const why = record ? `index format ${record.format ?? 1} is older than ${INDEX_FORMAT}` : 'new search collection';
      deps.logger.info({ collection: name, model: deps.embedder.model, queued }, `${why}: reindexing everything`);
    }
  }

  /**
   * Once per process: the collection's record, then a reconciliation (Agenda keeps the hourly job's
   * schedule across restarts, so a start does not run it). The job and a flush may both ask at once,
   * and share one run (retried after a failure).
   */
  function prepare() {
    prepared ??= (async () => {
      await recordCollection();
      await repair();
    })().catch((error: unknown) => {
      prepared = undefined;
      throw error;
    });
    return prepared;
  }

  /**
   * Waits until every event seen so far is indexed (or failed): for tests and the reindex
   * script, which must not race the job that may be working on the same backlog.
   */
  async function flush(timeoutMs = 10_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await Promise.all(inFlight);
      hurry?.();
      await running; // its batch is leased: the drain below would not see it
      await drainUntilStopped();
      const due = await IndexQueueModel.exists({ state: 'pending', runAt: { $lte: new Date() } });
      if (!due && inFlight.size === 0 && !running) return;
      if (Date.now() > deadline) throw new Error('search index still busy');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Queues what the index missed (a crash between a write and its queue entry), then indexes it. */
  async function repair() {
    const summary = await reconcile(deps.sources);
    const requeued = summary.missing + summary.stale + summary.orphaned;
    if (requeued > 0) {
      deps.logger.info(summary, `search reconciliation queued ${requeued} items the index had missed`);
      wake();
    }
    return summary;
  }

  const jobDefinitions: JobDefinition[] = [
    {
      name: INDEX_JOB,
      // The periodic run picks up retries that came due and work left by a crashed instance.
      every: '5 seconds',
      run: drainUntilStopped,
    },
    { name: REINDEX_JOB, run: async () => void (await enqueueAll(deps.sources)) },
    // Hourly, for what a crashed instance left unqueued while the others ran on. Each process runs one
    // at start (prepare), so the job's first run waits an hour: on a new database Agenda would
    // otherwise start it at once, beside that one, and the two would queue the same items.
    { name: RECONCILE_JOB, every: '1 hour', skipImmediate: true, run: async () => void (await repair()) },
  ];

  // Durable: a write is acknowledged once its queue entry is stored, so a crash right after loses nothing.
  return { start: () => deps.events.subscribe(onEvent, { durable: true }), stop, jobDefinitions, worker, flush, repair };
}

export type Indexer = ReturnType<typeof createIndexer>;

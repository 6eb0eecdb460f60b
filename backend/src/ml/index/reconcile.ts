import { SearchEntryModel } from './entries.ts';
import { enqueue, queueKey, queuedStates } from './queue.ts';
import type { SearchSource } from './sources.ts';

export interface ReconcileSummary {
  /** Items with no entry in the index (written, but the process died before queueing them). */
  missing: number;
  /** Items changed since the index read them. */
  stale: number;
  /** Entries whose item is gone (deleted, with the same bad luck). */
  orphaned: number;
}

/** What the index holds of one kind: the `updatedAt` of each item's first chunk, by item id, from one scan. */
async function indexedStamps(kind: string) {
  const stamps = new Map<string, number>();
  const cursor = SearchEntryModel.find({ kind, chunk: 0 }, { itemId: 1, updatedAt: 1 })
    .setOptions({ tenancy: 'system' })
    .lean<{ itemId: string; updatedAt: Date }[]>()
    .cursor({ batchSize: 1000 });
  for await (const entry of cursor as AsyncIterable<{ itemId: string; updatedAt: Date }>)
    stamps.set(entry.itemId, entry.updatedAt.getTime());
  return stamps;
}

/**
 * Finds what the index missed and queues it again. A write is acknowledged once its queue entry is
 * stored, but a process killed between the write and that entry leaves an item the index never
 * hears of. Per source, this compares the source's {id, updatedAt} with the index's {itemId,
 * updatedAt} and queues the items missing or older there, and the entries whose item is gone.
 * Cheap on FerretDB: per kind one scan of the entries and one of the source, plus one of the
 * queue, all projected; no query per item. Idempotent: queueing an item twice indexes it once.
 */
export async function reconcile(sources: readonly SearchSource[]): Promise<ReconcileSummary> {
  const summary: ReconcileSummary = { missing: 0, stale: 0, orphaned: 0 };
  // Every entry of the backlog, dead ones too: those items will be indexed anyway, or were given up on.
  const queued = await queuedStates();
  const due = (kind: string, id: string) => !queued.has(queueKey(kind, id));
  for (const source of sources) {
    const indexed = await indexedStamps(source.kind);
    for await (const page of source.stamps()) {
      const requeue: { kind: string; id: string }[] = [];
      for (const { id, updatedAt } of page) {
        const at = indexed.get(id);
        indexed.delete(id);
        if (!due(source.kind, id)) continue;
        if (at === undefined) summary.missing++;
        else if (updatedAt && updatedAt.getTime() > at) summary.stale++;
        else continue;
        requeue.push({ kind: source.kind, id });
      }
      await enqueue(requeue, { whenQueued: 'keep' });
    }
    // Left over: entries of items the source no longer has; the worker finds them gone and removes them.
    const orphans = [...indexed.keys()].filter((id) => due(source.kind, id));
    summary.orphaned += orphans.length;
    await enqueue(
      orphans.map((id) => ({ kind: source.kind, id })),
      { whenQueued: 'keep' },
    );
  }
  return summary;
}

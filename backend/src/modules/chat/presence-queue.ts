/** Announcements running at once; the rest wait in the queue. */
export const PRESENCE_ANNOUNCERS = 4;
/** Users one announcement takes at most: one look at the sockets and one write of last-seen times for all of them. */
export const PRESENCE_BATCH = 50;

/**
 * Presence announcements, coalesced: a user whose sockets changed is queued once however many
 * changed, and a few announcers drain the queue in batches, each reading its users' state when it
 * gets to them. A storm of connects or disconnects thus costs one announcement per user, made a
 * batch at a time with one database write per batch, instead of one per socket all at once, each
 * holding its queries and results in memory (the soak bench's peak) and each a write on a
 * single-writer database (FerretDB on SQLite) where user requests wait behind them.
 * The queue holds only users still to announce: it empties as it drains.
 */
export function createPresenceQueue(
  announce: (userIds: string[]) => Promise<void>,
  options: { onError: (error: unknown, userIds: string[]) => void; concurrency?: number; batchSize?: number },
) {
  const concurrency = options.concurrency ?? PRESENCE_ANNOUNCERS;
  const batchSize = options.batchSize ?? PRESENCE_BATCH;
  const queued = new Set<string>();
  const inFlight = new Set<string>();
  let running = 0;
  // A user being announced stays with their announcer: a change meanwhile queues one more, after it.
  function nextBatch() {
    const batch: string[] = [];
    for (const userId of queued) {
      if (batch.length === batchSize) break;
      if (!inFlight.has(userId)) batch.push(userId);
    }
    return batch;
  }

  async function drain() {
    running++;
    for (let batch = nextBatch(); batch.length > 0; batch = nextBatch()) {
      for (const userId of batch) {
        queued.delete(userId);
        inFlight.add(userId);
      }
      await announce(batch).catch((error: unknown) => options.onError(error, batch));
      for (const userId of batch) inFlight.delete(userId);
    }
    running--;
  }

  /** The user's sockets changed: their watchers will be told where they stand, soon. */
  return function changed(userId: string) {
    queued.add(userId);
    if (running < concurrency && !inFlight.has(userId)) void drain();
  };
}

/** Announcements running at once; the rest wait in the queue. */
export const PRESENCE_ANNOUNCERS = 8;

/**
 * Presence announcements, coalesced: a user whose sockets changed is queued once however many
 * changed, and a few announcers drain the queue, each reading the user's state when it gets to
 * them. A storm of connects or disconnects thus costs at most one announcement per user, a few at
 * a time, instead of one per socket all at once, each holding its queries and results in memory
 * (the soak bench's peak). The queue holds only users still to announce: it empties as it drains.
 */
export function createPresenceQueue(
  announce: (userId: string) => Promise<void>,
  options: { onError: (error: unknown, userId: string) => void; concurrency?: number },
) {
  const concurrency = options.concurrency ?? PRESENCE_ANNOUNCERS;
  const queued = new Set<string>();
  const inFlight = new Set<string>();
  let running = 0;
  // A user being announced stays with their announcer: a change meanwhile queues one more, after it.
  const next = () => [...queued].find((userId) => !inFlight.has(userId));

  async function drain() {
    running++;
    for (let userId = next(); userId !== undefined; userId = next()) {
      queued.delete(userId);
      inFlight.add(userId);
      await announce(userId).catch((error: unknown) => options.onError(error, userId));
      inFlight.delete(userId);
    }
    running--;
  }

  /** The user's sockets changed: their watchers will be told where they stand, soon. */
  return function changed(userId: string) {
    queued.add(userId);
    if (running < concurrency && !inFlight.has(userId)) void drain();
  };
}

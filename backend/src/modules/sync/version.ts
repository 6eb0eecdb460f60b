import { DAY_MS } from '@panoramix/contracts';
import { HttpError, badRequest, problemTypes } from '../../http/problem.ts';

/** How long tombstones are kept, hence how old a version may be before it answers 410. */
export const RETENTION_MS = 30 * DAY_MS;

/**
 * Changes are read from a little before the version's instant. The version is this server's clock
 * taken before its reads, while `updatedAt` and tombstone dates come from the clock of whichever
 * instance wrote them, stamped when the write started: a write stamped just before the version but
 * stored just after the read, or stamped by an instance whose clock runs a few seconds behind,
 * would otherwise fall between two answers. Replicas upsert by id, so an item sent twice is harmless.
 * (Writes stored later still reach a replica as live events: it listens before it asks.)
 */
export const OVERLAP_MS = 10_000;

/** A version further ahead of this clock than any skew between instances was not given by a server. */
const MAX_AHEAD_MS = 3_600_000;

/**
 * The version of an answer: this clock, read before the answer's reads, in base 36. Monotonic per
 * instance; opaque to clients, who only pass it back.
 */
export const versionAt = (ms: number) => ms.toString(36);

const notAVersion = () =>
  badRequest('query.since: is not a version given by the server', [
    { path: 'query.since', message: 'is not a version given by the server' },
  ]);

/** The instant a `since` version's changes are read from; 400 when it is not a version, 410 when it is too old. */
export function changesFrom(since: string, now: number): Date {
  if (!/^[\da-z]{1,11}$/.test(since)) throw notAVersion();
  const at = parseInt(since, 36);
  if (at > now + MAX_AHEAD_MS) throw notAVersion();
  const from = at - OVERLAP_MS;
  if (from < now - RETENTION_MS) {
    throw new HttpError(
      410,
      problemTypes.syncExpired,
      'Version expired',
      'Changes this old are no longer kept: ask again without `since` for the whole collection',
    );
  }
  return new Date(from);
}

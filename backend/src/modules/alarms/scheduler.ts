import type { JobDefinition } from '../../jobs/runner.ts';
import type { Logger } from '../../lib/logger.ts';
import type { EventBus } from '../../realtime/event-bus.ts';
import { AlarmClaimModel, AlarmModel } from './model.ts';
import type { AlarmDoc } from './model.ts';
import { LATE_AFTER_MS, fire } from './schedule.ts';
import { claimRevision, fieldsOf, stateOf, toAlarmDto, writeClaimed } from './store.ts';

const CLAIM_TTL_MS = 24 * 3600_000;
/** Alarms fired at once; more wait their turn (10,000 due in one minute share the database). */
const CONCURRENCY = 16;
/** Firings written at once, after they rang. */
const WRITERS = 4;
/** A firing claimed this long ago whose write never landed (its instance died) is written by whoever finds it. */
const REPAIR_AFTER_MS = 10 * 60_000;
/** A scan may take at most a quarter of the time between scans. */
const SCAN_SHARE = 4;

/** What the alarm service tells the scheduler after a write. */
export interface AlarmPlanner {
  plan(doc: AlarmDoc): void;
  forget(id: string): void;
}

/**
 * The server rings alarms. Each instance scans every `scanEveryMs` (longer when scans are slow)
 * for alarms due within two scans and arms a timer for each, so a firing waits for its due time,
 * not for the next poll (Agenda's 5 s poll alone would put p95 lag past the 2 s goal; see
 * bench/src/alarms.bench.ts). Writes on this instance plan their alarm at once. Every instance may
 * arm the same alarm: the unique claim of `<id>:<revision>` (store.ts) decides which one fires it,
 * so it fires exactly once. An alarm that came due while no server ran is in the first scan, fired
 * at start and announced as late.
 */
export function createAlarmScheduler(options: { events: EventBus; log: Logger; scanEveryMs: number; now?: () => Date }) {
  const now = options.now ?? (() => new Date());
  /** Time until the next scan: `scanEveryMs`, or longer when scans are slow (below). */
  let scanGapMs = options.scanEveryMs;
  /** Alarms due within two gaps are armed, so each is armed by the scan before its due time. */
  const lookaheadMs = () => 2 * scanGapMs;
  const armed = new Map<string, { fireAt: number; revision: number; timer: NodeJS.Timeout }>();
  const queue: AlarmDoc[] = [];
  const inFlight = new Set<Promise<void>>();
  /** Firings rung and not yet written, with the ids they hold: those are not armed again meanwhile. */
  const writes: { doc: AlarmDoc; changes: Partial<AlarmDoc>; at: Date; takeover: boolean }[] = [];
  const writing = new Set<string>();
  const inWrites = new Set<Promise<void>>();
  let nextScan: NodeJS.Timeout | undefined;
  let scanning: Promise<void> | undefined;
  let running = false;

  function forget(id: string) {
    const current = armed.get(id);
    if (current) clearTimeout(current.timer);
    armed.delete(id);
  }

  function plan(doc: AlarmDoc) {
    const id = String(doc._id);
    const fireAt = doc.fireAt?.getTime();
    const current = armed.get(id);
    if (writing.has(id) || (current && current.fireAt === fireAt && current.revision === doc.revision)) return;
    forget(id);
    if (!running || fireAt === undefined || fireAt > now().getTime() + lookaheadMs()) return;
    const timer = setTimeout(
      () => {
        armed.delete(id);
        queue.push(doc);
        drain();
      },
      Math.max(0, fireAt - now().getTime()),
    );
    armed.set(id, { fireAt, revision: doc.revision, timer });
  }

  function drain() {
    while (inFlight.size < CONCURRENCY && queue.length > 0) {
      const doc = queue.shift() as AlarmDoc;
      const work = ring(doc)
        .catch((error: unknown) => options.log.error({ err: error, alarmId: String(doc._id) }, 'alarm fire failed')) // the next scan retries
        .finally(() => {
          inFlight.delete(work);
          drain();
        });
      inFlight.add(work);
    }
  }

  function write(doc: AlarmDoc, changes: Partial<AlarmDoc>, at: Date, takeover = false) {
    writing.add(String(doc._id));
    writes.push({ doc, changes, at, takeover });
    pumpWrites();
  }

  function pumpWrites() {
    while (inWrites.size < WRITERS && writes.length > 0) {
      const { doc, changes, at, takeover } = writes.shift()!;
      const id = String(doc._id);
      const work = writeClaimed(doc, changes, at, takeover)
        .then((written) => {
          writing.delete(id);
          if (written) plan(written);
        })
        .catch((error: unknown) => {
          writing.delete(id);
          options.log.error({ err: error, alarmId: id }, 'alarm write failed'); // repaired by a later scan
        })
        .finally(() => {
          inWrites.delete(work);
          pumpWrites();
        });
      inWrites.add(work);
    }
  }

  /**
   * Rings `doc` if this instance claims its firing, then writes the firing: the event leaves as
   * soon as the claim is won, so the lag does not include the write (FerretDB takes a scan of the
   * collection per update). A change of the owner meanwhile waits for that write (its claim retries).
   */
  async function ring(doc: AlarmDoc) {
    const at = now();
    const due = doc.fireAt;
    if (!running || !due) return;
    const claim = await claimRevision(doc, at, 'fire');
    if (claim !== 'ours') {
      // Rung by another instance, or changed by its owner first (whose writer planned the new state).
      if (claim.kind === 'fire' && claim.claimedAt.getTime() < at.getTime() - REPAIR_AFTER_MS) {
        write(doc, fieldsOf(fire(stateOf(doc), claim.claimedAt, due)), claim.claimedAt, true);
      }
      return;
    }
    const changes = fieldsOf(fire(stateOf(doc), at, due));
    const fired = { ...doc, ...changes, revision: doc.revision + 1, updatedAt: at };
    write(doc, changes, at);
    await options.events.emit({
      type: 'alarm.fired',
      userId: String(doc.userId),
      data: { alarm: toAlarmDto(fired), dueAt: due.toISOString(), late: at.getTime() - due.getTime() > LATE_AFTER_MS },
    });
  }

  async function scan() {
    const horizon = new Date(now().getTime() + lookaheadMs());
    const due = await AlarmModel.find({ fireAt: { $lte: horizon } })
      .setOptions({ tenancy: 'system' }) // every user's alarms: the server rings them all
      .lean<AlarmDoc[]>();
    for (const doc of due) plan(doc);
  }

  function scanOnce() {
    scanning ??= scan()
      .catch((error: unknown) => options.log.error({ err: error }, 'alarm scan failed'))
      .finally(() => (scanning = undefined));
    return scanning;
  }

  /**
   * Scans again after `scanEveryMs`, or after SCAN_SHARE times the last scan's duration when that
   * is longer: on FerretDB the scan reads every alarm (4 s at 10,000), and scanning back to back
   * left the database no time for the firings' claims.
   */
  async function scanAndPlanNext() {
    const started = Date.now();
    await scanOnce();
    scanGapMs = Math.max(options.scanEveryMs, SCAN_SHARE * (Date.now() - started));
    if (running) nextScan = setTimeout(() => void scanAndPlanNext(), scanGapMs);
  }

  async function start() {
    running = true;
    await scanAndPlanNext();
  }

  /**
   * Stops arming and waits for the firings in flight and the writes started. Writes still queued
   * are left to the repair (their claims say they rang): a backlog on a slow database must not
   * hold a shutdown.
   */
  async function stop() {
    running = false;
    clearTimeout(nextScan);
    for (const id of [...armed.keys()]) forget(id);
    queue.length = 0;
    await scanning;
    await Promise.all([...inFlight]);
    writes.length = 0;
    await Promise.all([...inWrites]);
    writing.clear();
  }

  return { plan, forget, start, stop, scan: scanOnce };
}

export type AlarmScheduler = ReturnType<typeof createAlarmScheduler>;

/** Claims outlive any retry by a day, then go with an hourly job (FerretDB 1.x refuses TTL indexes). */
export const alarmJobs: JobDefinition[] = [
  {
    name: 'alarms.purge-claims',
    every: '1 hour',
    run: async () => void (await AlarmClaimModel.deleteMany({ claimedAt: { $lt: new Date(Date.now() - CLAIM_TTL_MS) } })),
  },
];

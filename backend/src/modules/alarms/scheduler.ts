import type { JobDefinition } from '../../jobs/runner.ts';
import type { Logger } from '../../lib/logger.ts';
import type { EventBus } from '../../realtime/event-bus.ts';
import { AlarmClaimModel, AlarmModel } from './model.ts';
import type { AlarmDoc } from './model.ts';
import { LATE_AFTER_MS } from './schedule.ts';
import { claimFirings, claimKey, claimOf, firingOf, toAlarmDto, writeClaimed } from './store.ts';

const CLAIM_TTL_MS = 24 * 3600_000;
/** Alarms claimed in one insert at most; the ones due meanwhile make the next batch. */
const CLAIM_BATCH = 500;
/** A firing write slower than this (FerretDB) waits for a gap in the firings; see `writeWouldDelayRinging`. */
const SLOW_WRITE_MS = 20;
/** A firing claimed this long ago whose write never landed (its instance died) is written by whoever finds it. */
const REPAIR_AFTER_MS = 10 * 60_000;
/**
 * A scan may take at most a quarter of the time between scans. Not less: alarms written straight
 * into the database (an import, a restore) wait for a scan, and with an eighth, 10,000 of them on
 * two instances rang at p50 8.5 s instead of 87 ms.
 */
const SCAN_SHARE = 4;
/**
 * Alarms due within this much are armed at least. A scan must arm everything due before the next
 * scan has ended, and the first scan after many alarms were added is the one that finds it slow
 * (10 s under load at 10,000 alarms on FerretDB, then 40 s to the next): armed from the gap before
 * it, alarms came due unarmed and rang up to a scan late.
 */
const MIN_LOOKAHEAD_MS = 120_000;

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
 * so it fires exactly once. The alarms whose time came are claimed together in one insert (10,000
 * due in a minute were one insert each), and a firing another instance claimed is not claimed
 * again at every scan while its write is pending. An alarm that came due while no server ran is in
 * the first scan, fired at start and announced as late.
 */
export function createAlarmScheduler(options: { events: EventBus; log: Logger; scanEveryMs: number; now?: () => Date }) {
  const now = options.now ?? (() => new Date());
  /** Time until the next scan: `scanEveryMs`, or longer when scans are slow (below). */
  let scanGapMs = options.scanEveryMs;
  /** How long the last scan's read took. */
  let scanMs = 0;
  /** Alarms due before the end of the scan after next are armed, so each is armed by a scan before its due time. */
  const lookaheadMs = () => Math.max(MIN_LOOKAHEAD_MS, 2 * (scanGapMs + scanMs));
  const armed = new Map<string, { fireAt: number; revision: number; timer: NodeJS.Timeout }>();
  /** Alarms whose time came, waiting for the claim in flight to end: they make the next batch. */
  const ready: AlarmDoc[] = [];
  /** The ids in `ready` or in the claim in flight: not armed again meanwhile. */
  const ringing = new Set<string>();
  let claiming: Promise<void> | undefined;
  /**
   * Firings another writer claimed first, by claim key, with when this instance last met them: not
   * claimed again until REPAIR_AFTER_MS has passed, when the claim is read to see whether its
   * writer died. Forgotten once a scan no longer finds that revision due (its write landed).
   */
  const taken = new Map<string, number>();
  /** Firings rung and not yet written, with the ids they hold: those are not armed again meanwhile. */
  const writes: { doc: AlarmDoc; changes: Partial<AlarmDoc>; at: Date }[] = [];
  const writing = new Set<string>();
  /**
   * The firing write in progress: one at a time, as on FerretDB each holds the database for a scan
   * of the collection (0.5 s at 10,000 alarms) and the claims that ring the next alarms wait behind it.
   */
  let inWrite: Promise<void> | undefined;
  /** How long the last firing write took. */
  let writeMs = 0;
  /** The retry of writes held back for firings about to ring. */
  let writesWaiting: NodeJS.Timeout | undefined;
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
    if (writing.has(id) || ringing.has(id)) return;
    if (current && current.fireAt === fireAt && current.revision === doc.revision) return;
    forget(id);
    if (!running || fireAt === undefined || fireAt > now().getTime() + lookaheadMs()) return;
    const metTaken = taken.get(claimKey(doc));
    if (metTaken !== undefined && metTaken > now().getTime() - REPAIR_AFTER_MS) return;
    const timer = setTimeout(
      () => {
        armed.delete(id);
        ringing.add(id);
        ready.push(doc);
        claimReady();
      },
      Math.max(0, fireAt - now().getTime()),
    );
    armed.set(id, { fireAt, revision: doc.revision, timer });
  }

  function claimReady() {
    if (claiming || ready.length === 0) return;
    const batch = ready.splice(0, CLAIM_BATCH);
    claiming = ringAll(batch)
      .catch((error: unknown) => options.log.error({ err: error, alarms: batch.length }, 'alarm fire failed')) // the next scan retries
      .finally(() => {
        for (const doc of batch) ringing.delete(String(doc._id));
        claiming = undefined;
        claimReady();
        pumpWrites();
      });
  }

  function write(doc: AlarmDoc, changes: Partial<AlarmDoc>, at: Date) {
    writing.add(String(doc._id));
    writes.push({ doc, changes, at });
    pumpWrites();
  }

  /**
   * Whether a firing write now would hold up the claims of alarms about to ring. On FerretDB a
   * write holds the database for a scan of the collection, and with two instances writing back to
   * back the claims found it free for seconds; so a slow write waits until no claim is in flight
   * and nothing armed comes due within two of its durations. Fast writes (MongoDB) go at once,
   * which also spares walking the armed alarms before each.
   */
  function writeWouldDelayRinging() {
    if (claiming || ready.length > 0) return true;
    if (writeMs < SLOW_WRITE_MS) return false;
    const clear = now().getTime() + 2 * writeMs;
    for (const { fireAt } of armed.values()) if (fireAt <= clear) return true;
    return false;
  }

  function pumpWrites() {
    if (writes.length === 0 || inWrite || writesWaiting) return;
    if (writeWouldDelayRinging()) {
      writesWaiting = setTimeout(
        () => {
          writesWaiting = undefined;
          pumpWrites();
        },
        Math.max(writeMs, SLOW_WRITE_MS),
      );
      return;
    }
    const { doc, changes, at } = writes.shift()!;
    const id = String(doc._id);
    const started = Date.now();
    inWrite = writeClaimed(doc, changes, at)
      .then((written) => {
        writeMs = Date.now() - started;
        writing.delete(id);
        if (written) plan(written);
      })
      .catch((error: unknown) => {
        writing.delete(id);
        options.log.error({ err: error, alarmId: id }, 'alarm write failed'); // repaired by a later scan
      })
      .finally(() => {
        inWrite = undefined;
        pumpWrites();
      });
  }

  /**
   * Rings the alarms of `batch` whose firing this instance claims, then writes those firings: the
   * events leave as soon as the claims are won, so the lag does not include the writes (FerretDB
   * takes a scan of the collection per update). A change of the owner meanwhile goes on top of
   * the firing (store.ts `writeIfUnchanged`), and the firing's write then finds the alarm moved on.
   */
  async function ringAll(batch: AlarmDoc[]) {
    const at = now();
    if (!running) return;
    const { won, taken: lost } = await claimFirings(batch, at);
    const announced = won.map((doc) => {
      const due = doc.fireAt as Date;
      const changes = firingOf(doc, at);
      write(doc, changes, at);
      const fired = { ...doc, ...changes, revision: doc.revision + 1, updatedAt: at };
      return options.events.emit({
        type: 'alarm.fired',
        userId: String(doc.userId),
        data: { alarm: toAlarmDto(fired), dueAt: due.toISOString(), late: at.getTime() - due.getTime() > LATE_AFTER_MS },
      });
    });
    await Promise.all(announced);
    for (const doc of lost) await metTaken(doc, at);
  }

  /**
   * Rung by another instance, or changed by its owner first (whose writer plans the new state).
   * Met again after REPAIR_AFTER_MS, the claim is read: a firing claimed that long ago whose write
   * never landed lost its instance, and is written from the claim's time by whoever finds it.
   */
  async function metTaken(doc: AlarmDoc, at: Date) {
    const key = claimKey(doc);
    const firstMet = !taken.has(key);
    taken.set(key, at.getTime());
    if (firstMet) return;
    const claim = await claimOf(doc);
    if (claim?.kind === 'fire' && claim.claimedAt.getTime() < at.getTime() - REPAIR_AFTER_MS) {
      write(doc, firingOf(doc, claim.claimedAt), claim.claimedAt);
    }
  }

  async function scan() {
    const started = Date.now();
    const horizon = new Date(now().getTime() + lookaheadMs());
    const due = AlarmModel.find({ fireAt: { $lte: horizon } })
      .setOptions({ tenancy: 'system' }) // every user's alarms: the server rings them all
      .lean<AlarmDoc>()
      .cursor();
    // Armed as they come: on FerretDB the whole read takes seconds (it reads every alarm), and
    // the alarms due first would come due before its end.
    const dueKeys = new Set<string>();
    for await (const doc of due) {
      dueKeys.add(claimKey(doc));
      plan(doc);
    }
    scanMs = Date.now() - started;
    scanGapMs = Math.max(options.scanEveryMs, SCAN_SHARE * scanMs);
    for (const key of taken.keys()) if (!dueKeys.has(key)) taken.delete(key);
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
    await scanOnce();
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
    clearTimeout(writesWaiting);
    writesWaiting = undefined;
    for (const id of [...armed.keys()]) forget(id);
    ready.length = 0;
    await scanning;
    await claiming;
    writes.length = 0;
    await inWrite;
    writing.clear();
    ringing.clear();
    taken.clear();
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

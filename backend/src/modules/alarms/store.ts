import type { Alarm, Recurrence } from '@panoramix/contracts';
import { insertNew } from '../../db/duplicate-key.ts';
import { idOrNull, isoOrNull, ownedBase } from '../../lib/dto.ts';
import { AlarmClaimModel, AlarmModel } from './model.ts';
import type { AlarmDoc } from './model.ts';
import { effectiveAt, fire, fireAtOf, isRinging } from './schedule.ts';
import type { AlarmState } from './schedule.ts';

/** The rules' view of a stored alarm. */
export function stateOf(doc: AlarmDoc): AlarmState {
  return {
    enabled: doc.enabled,
    done: doc.done,
    nextTriggerAt: doc.nextTriggerAt,
    snoozedUntilAt: doc.snoozedUntilAt ?? null,
    acknowledgedAt: doc.acknowledgedAt ?? null,
    lastFiredAt: doc.lastFiredAt ?? null,
    recurrence: recurrenceOf(doc),
    timeZone: doc.timeZone,
    anchorAt: doc.anchorAt,
  };
}

const recurrenceOf = (doc: AlarmDoc): Recurrence =>
  doc.recurrence.type === 'weekly'
    ? { type: 'weekly', daysOfWeek: [...(doc.recurrence.daysOfWeek ?? [])] }
    : { type: doc.recurrence.type };

export function toAlarmDto(doc: AlarmDoc): Alarm {
  const state = stateOf(doc);
  return {
    ...ownedBase(doc),
    title: doc.title,
    enabled: doc.enabled,
    nextTriggerAt: doc.nextTriggerAt.toISOString(),
    recurrence: state.recurrence,
    timeZone: doc.timeZone,
    snoozedUntilAt: isoOrNull(doc.snoozedUntilAt),
    done: doc.done,
    acknowledgedAt: isoOrNull(doc.acknowledgedAt),
    lastFiredAt: isoOrNull(doc.lastFiredAt),
    effectiveAt: isoOrNull(effectiveAt(state)),
    ringing: isRinging(state),
    taskId: idOrNull(doc.taskId),
  };
}

/** What a state writes: its fields and the fire time they imply, so the two never disagree. */
export const fieldsOf = (state: AlarmState) => ({ ...state, fireAt: fireAtOf(state) });

/** An edit's claim older than this was left by a request that died between its claim and its write. */
const STALE_EDIT_MS = 30_000;

export type ClaimKind = 'fire' | 'edit';

/** The step of `doc` from its revision to the next: whoever inserts this key first makes it. */
export const claimKey = (doc: Pick<AlarmDoc, '_id' | 'revision'>) => `${String(doc._id)}:${doc.revision}`;

/** The claims through the driver, for the batched insert Mongoose would cast one by one. */
const claims = () => AlarmClaimModel.db.collection<{ _id: string; claimedAt: Date; kind: ClaimKind }>('alarm_claims');

/**
 * Claims the step of `doc` from its revision to the next: the first writer to insert
 * `<id>:<revision>` owns it (a unique insert decides on every engine; FerretDB's conditional updates
 * are not atomic). Answers 'ours', or the claim another writer made first.
 */
export async function claimRevision(doc: AlarmDoc, at: Date, kind: ClaimKind) {
  const key = claimKey(doc);
  try {
    await AlarmClaimModel.create({ _id: key, claimedAt: at, kind });
    return 'ours' as const;
  } catch (error) {
    if ((error as { code?: number }).code !== 11000) throw error;
    const existing = await AlarmClaimModel.findById(key).lean();
    return { claimedAt: existing?.claimedAt ?? at, kind: (existing?.kind ?? 'fire') as ClaimKind };
  }
}

/**
 * Claims the firing of each of `docs` in one unordered insert, the same first-insert-wins decision
 * as `claimRevision`: FerretDB stores the batch in one SQLite transaction and answers taken keys
 * at once, where one insert per alarm queued 10,000 firings of a minute behind each other.
 * Answers the alarms this writer won and those another writer (a firing or an edit) claimed first.
 */
export async function claimFirings(docs: AlarmDoc[], at: Date) {
  const takenKeys = new Set(
    (
      await insertNew(
        claims(),
        docs.map((doc) => ({ _id: claimKey(doc), claimedAt: at, kind: 'fire' as const })),
      )
    ).map((claim) => claim._id),
  );
  return {
    won: docs.filter((doc) => !takenKeys.has(claimKey(doc))),
    taken: docs.filter((doc) => takenKeys.has(claimKey(doc))),
  };
}

/** Who claimed the step from `doc`'s revision, and when; null when nobody did. */
export async function claimOf(doc: AlarmDoc) {
  const claim = await AlarmClaimModel.findById(claimKey(doc)).lean();
  return claim ? { claimedAt: claim.claimedAt, kind: claim.kind as ClaimKind } : null;
}

/** The firing of `doc` at `at`: the same step whoever computes it from its claim's time. */
export const firingOf = (doc: AlarmDoc, at: Date) => fieldsOf(fire(stateOf(doc), at, doc.fireAt ?? at));

/**
 * Writes the step `doc` → `changes` that this writer claimed; null when the alarm is gone or moved
 * on. Every write claims its revision first, so whoever holds `<id>:<revision>` is the only one who
 * may move the alarm off that revision; the write still names the revision, so a writer that took
 * over an abandoned claim (its request or instance died) cannot land on top of the holder's write
 * that landed after all. The revision costs nothing more: FerretDB scans the whole collection for
 * any update, even by lone `_id` (about 0.5 s per write at 10,000 alarms). `orFrom` is a revision
 * the stored alarm may still be at instead, one deterministic step (a firing) before `doc`.
 */
export async function writeClaimed(
  doc: AlarmDoc,
  changes: Partial<AlarmDoc>,
  now: Date,
  orFrom?: number,
): Promise<AlarmDoc | null> {
  const $set = { ...changes, revision: doc.revision + 1, updatedAt: now };
  const revision = orFrom === undefined ? doc.revision : { $in: [orFrom, doc.revision] };
  const { matchedCount } = await AlarmModel.updateOne({ _id: doc._id, revision }, { $set }).setOptions({
    tenancy: 'system', // the doc was read from the owner's alarms or the due list
    timestamps: false,
  });
  return matchedCount === 1 ? { ...doc, ...$set } : null;
}

/** Claims the owner's step from `doc` (taking over an edit whose request died) and writes it; null when another writer has it. */
async function claimAndWrite(doc: AlarmDoc, next: (doc: AlarmDoc) => Partial<AlarmDoc>, now: Date, orFrom?: number) {
  const claim = await claimRevision(doc, now, 'edit');
  const abandoned = claim !== 'ours' && claim.kind === 'edit' && claim.claimedAt.getTime() < now.getTime() - STALE_EDIT_MS;
  return claim === 'ours' || abandoned ? { written: await writeClaimed(doc, next(doc), now, orFrom) } : { claim };
}

/**
 * The owner's change `next` of `doc`, if nobody wrote it since it was read: null when another write
 * claimed its revision first, to re-read and decide again. A firing that claimed it rang, and its
 * write may still wait in its instance's queue (an hour behind 10,000 firings on FerretDB, one
 * collection scan each): the change goes on top of that firing, which is the same step whoever
 * computes it, so it lands whether that write did or not, and that write then finds the alarm moved on.
 */
export async function writeIfUnchanged(
  doc: AlarmDoc,
  next: (doc: AlarmDoc) => Partial<AlarmDoc>,
  now: Date,
): Promise<AlarmDoc | null> {
  const attempt = await claimAndWrite(doc, next, now);
  if (!attempt.claim) return attempt.written;
  if (attempt.claim.kind !== 'fire') return null;
  const { claimedAt } = attempt.claim;
  const fired = { ...doc, ...firingOf(doc, claimedAt), revision: doc.revision + 1, updatedAt: claimedAt };
  return (await claimAndWrite(fired, next, now, doc.revision)).written ?? null;
}

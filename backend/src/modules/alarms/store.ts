import type { Alarm, Recurrence } from '@panoramix/contracts';
import { idOrNull, isoOrNull, ownedBase } from '../../lib/dto.ts';
import { AlarmClaimModel, AlarmModel } from './model.ts';
import type { AlarmDoc } from './model.ts';
import { effectiveAt, fireAtOf, isRinging } from './schedule.ts';
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

/** A claim older than this whose alarm still is at its revision was left by a writer that died before writing. */
const STALE_CLAIM_MS = 30_000;

/**
 * Whether this writer owns the step from `doc`'s revision to the next: the first to insert the
 * claim `<id>:<revision>` does (a unique insert decides on every engine; FerretDB's conditional
 * updates are not atomic, and any filter but a lone `_id` scans the collection there).
 */
async function claimRevision(doc: AlarmDoc, at: Date) {
  const key = `${String(doc._id)}:${doc.revision}`;
  try {
    await AlarmClaimModel.create({ _id: key, claimedAt: at });
    return true;
  } catch (error) {
    if ((error as { code?: number }).code !== 11000) throw error;
    const existing = await AlarmClaimModel.findById(key).lean();
    return existing !== null && existing.claimedAt.getTime() < at.getTime() - STALE_CLAIM_MS;
  }
}

/**
 * Writes `changes` over `doc` if nobody wrote it since it was read (its revision is still
 * unclaimed), answering the alarm as written, or null when another write came first (re-read and
 * decide again). Every write of an alarm, the owner's and the server's firing, goes through here.
 */
export async function writeIfUnchanged(doc: AlarmDoc, changes: Partial<AlarmDoc>, now: Date): Promise<AlarmDoc | null> {
  if (!(await claimRevision(doc, now))) return null;
  const $set = { ...changes, revision: doc.revision + 1, updatedAt: now };
  const { matchedCount } = await AlarmModel.updateOne({ _id: doc._id }, { $set }).setOptions({
    tenancy: 'system', // the doc was read from the owner's alarms or the due list
    timestamps: false,
  });
  return matchedCount === 1 ? { ...doc, ...$set } : null; // 0: deleted meanwhile
}

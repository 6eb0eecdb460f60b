import type { Alarm, Recurrence } from '@panoramix/contracts';
import { idOrNull, isoOrNull, ownedBase } from '../../lib/dto.ts';
import { AlarmModel } from './model.ts';
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

/**
 * Writes `changes` over `doc` if nobody wrote it since it was read (same revision), answering the
 * alarm as written, or null when another write came first (re-read and decide again).
 */
export async function writeIfUnchanged(doc: AlarmDoc, changes: Partial<AlarmDoc>, now: Date): Promise<AlarmDoc | null> {
  const $set = { ...changes, updatedAt: now };
  const { modifiedCount } = await AlarmModel.updateOne(
    { _id: doc._id, revision: doc.revision },
    { $set, $inc: { revision: 1 } },
  ).setOptions({ tenancy: 'system', timestamps: false }); // the doc was read from the owner's alarms or the due list
  return modifiedCount === 1 ? { ...doc, ...$set, revision: doc.revision + 1 } : null;
}

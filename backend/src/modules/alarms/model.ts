import { Schema, model } from 'mongoose';
import type { InferSchemaType, Types } from 'mongoose';
import { ownedPlugin, ownerField } from '../../db/tenancy.ts';

const recurrenceSchema = new Schema(
  {
    type: { type: String, required: true, enum: ['none', 'daily', 'weekly', 'monthly'] },
    daysOfWeek: { type: [Number], default: undefined },
  },
  { _id: false },
);

const alarmSchema = new Schema(
  {
    userId: ownerField,
    title: { type: String, required: true, trim: true },
    enabled: { type: Boolean, required: true, default: true },
    nextTriggerAt: { type: Date, required: true },
    recurrence: { type: recurrenceSchema, required: true },
    timeZone: { type: String, required: true },
    anchorAt: { type: Date, required: true },
    snoozedUntilAt: { type: Date, default: null },
    done: { type: Boolean, required: true, default: false },
    acknowledgedAt: { type: Date, default: null },
    lastFiredAt: { type: Date, default: null },
    taskId: { type: Schema.Types.ObjectId, default: null },
    /** When the server fires it next (schedule.ts `fireAtOf`), kept beside the state on every write; null when never. */
    fireAt: { type: Date, default: null },
    /** Bumped by every write: each write is conditional on the revision it read, so racing writers never both win. */
    revision: { type: Number, required: true, default: 0 },
  },
  { timestamps: true },
);
alarmSchema.plugin(ownedPlugin);
alarmSchema.index({ userId: 1, _id: -1 });
alarmSchema.index({ fireAt: 1 }); // the scheduler's scan of what comes due

export const AlarmModel = model('Alarm', alarmSchema);
export type AlarmDoc = InferSchemaType<typeof alarmSchema> & { _id: Types.ObjectId };

/**
 * One claim per step of an alarm from a revision to the next (the owner's writes and the server's
 * firings alike): `<alarmId>:<revision>` is unique, so of two writers racing from the same state,
 * two instances firing it or a snooze meeting its firing, exactly one inserts it and writes.
 */
const alarmClaimSchema = new Schema(
  {
    _id: String,
    claimedAt: { type: Date, required: true },
    /** A firing is never claimed again (it rang); an edit's writer may have died and is taken over. */
    kind: { type: String, required: true, enum: ['fire', 'edit'] },
  },
  { versionKey: false },
);
alarmClaimSchema.index({ claimedAt: 1 }); // the purge's range

export const AlarmClaimModel = model('AlarmClaim', alarmClaimSchema, 'alarm_claims');

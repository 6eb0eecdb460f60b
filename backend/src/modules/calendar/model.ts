import { calendarSources } from '@panoramix/contracts';
import { Schema, model } from 'mongoose';
import type { InferSchemaType, Types } from 'mongoose';
import { ownedPlugin, ownerField } from '../../db/tenancy.ts';

/**
 * A calendar event, a recurring series' master, or an override of one occurrence
 * (`recurringEventId` + `occurrenceStart`). An all-day event's `start`/`end` are midnights UTC
 * of its first day and of the day after its last (see the contracts' calendarEvent).
 *
 * Range reads do not query this collection (FerretDB would scan it): they read the month
 * buckets kept beside it (buckets.ts).
 */
const calendarEventSchema = new Schema(
  {
    userId: ownerField,
    uid: { type: String, required: true },
    title: { type: String, default: '' },
    description: { type: String, default: '' },
    location: { type: String, default: '' },
    start: { type: Date, required: true },
    end: { type: Date, required: true },
    allDay: { type: Boolean, required: true, default: false },
    source: { type: String, enum: calendarSources, required: true },
    subscriptionId: { type: Schema.Types.ObjectId, default: null },
    /** A series: RRULE and EXDATE lines in the stored form (recurrence.ts formatRecurrence). */
    recurrence: { type: String, default: null },
    timeZone: { type: String, default: null },
    recurringEventId: { type: Schema.Types.ObjectId, default: null },
    occurrenceStart: { type: Date, default: null },
  },
  { timestamps: true },
);
calendarEventSchema.plugin(ownedPlugin);
// The upsert key of imports: a VEVENT's UID, and for an override the occurrence it replaces.
calendarEventSchema.index({ userId: 1, uid: 1, occurrenceStart: 1 }, { unique: true });
calendarEventSchema.index({ userId: 1, start: 1 });
calendarEventSchema.index({ subscriptionId: 1 });

export const CalendarEventModel = model('CalendarEvent', calendarEventSchema, 'calendar_events');
export type CalendarEventDoc = InferSchemaType<typeof calendarEventSchema> & {
  _id: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
};

/**
 * Deleted events, kept a day for Annuler: a series with its overrides, under the id that was
 * deleted, owned by its owner (the only one who may restore it).
 */
const calendarTrashSchema = new Schema({
  _id: { type: Schema.Types.ObjectId, required: true },
  userId: ownerField,
  deletedAt: { type: Date, required: true },
  events: { type: [Schema.Types.Mixed], required: true },
});
calendarTrashSchema.plugin(ownedPlugin);
calendarTrashSchema.index({ deletedAt: 1 }); // the purge; FerretDB refuses TTL indexes

export const CalendarTrashModel = model('CalendarTrash', calendarTrashSchema, 'calendar_trash');

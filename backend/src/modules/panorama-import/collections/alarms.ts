import { AlarmModel } from '../../alarms/model.ts';
import { fireAtOf } from '../../alarms/schedule.ts';
import type { AlarmState } from '../../alarms/schedule.ts';
import { Hold } from '../mapping.ts';
import type { Mapping, PanoramaDoc } from '../mapping.ts';
import { COMMON_FIELDS, dateOrNull, text, timestamps } from '../mapping.ts';
import { reason } from '../reasons.ts';

const types = ['none', 'daily', 'weekly', 'monthly'] as const;

function recurrenceOf(doc: PanoramaDoc): AlarmState['recurrence'] | undefined {
  const value = (doc.recurrence ?? { type: 'none' }) as { type?: unknown; daysOfWeek?: unknown };
  const type = types.find((t) => t === value.type);
  if (!type) return undefined;
  if (type !== 'weekly') return { type };
  const days = Array.isArray(value.daysOfWeek) ? value.daysOfWeek.filter((d): d is number => Number.isInteger(d)) : [];
  return { type, daysOfWeek: days };
}

export const alarmsMapping: Mapping = {
  collection: 'alarms',
  model: AlarmModel,
  known: [
    ...COMMON_FIELDS,
    ...['title', 'enabled', 'nextTriggerAt', 'recurrence', 'snoozedUntilAt', 'done', 'acknowledgedAt', 'lastFiredAt'],
  ],
  map(doc, ctx) {
    const nextTriggerAt = dateOrNull(doc.nextTriggerAt);
    const recurrence = recurrenceOf(doc);
    if (!nextTriggerAt) return new Hold(reason('noNextTriggerAt'));
    if (!recurrence) return new Hold(reason('unknownRecurrence'));
    const state: AlarmState = {
      enabled: doc.enabled !== false,
      done: doc.done === true,
      nextTriggerAt,
      snoozedUntilAt: dateOrNull(doc.snoozedUntilAt),
      acknowledgedAt: dateOrNull(doc.acknowledgedAt),
      lastFiredAt: dateOrNull(doc.lastFiredAt),
      recurrence,
      timeZone: ctx.timeZone,
      anchorAt: nextTriggerAt,
    };
    return {
      title: text(doc.title) || 'Alarm',
      ...state,
      fireAt: fireAtOf(state),
      taskId: null,
      revision: 0,
      ...timestamps(doc, ctx),
    };
  },
};

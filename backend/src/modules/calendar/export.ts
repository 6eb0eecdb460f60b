import type { ExportedCollection } from '../export/registry.ts';
import { upgradeBuckets } from './buckets.ts';
import { CalendarEventModel, CalendarTrashModel } from './model.ts';

export const calendarExports: ExportedCollection[] = [
  // The month buckets are derived from the events (buckets.ts): rebuilt after an import, and at a start when their format changed.
  { name: 'calendarEvents', model: CalendarEventModel, scope: 'owner', upgrade: upgradeBuckets },
  { name: 'calendarTrash', model: CalendarTrashModel, scope: 'owner' },
];

import type { ExportedCollection } from '../export/registry.ts';
import { rebuildAllBuckets } from './buckets.ts';
import { CalendarEventModel, CalendarTrashModel } from './model.ts';

export const calendarExports: ExportedCollection[] = [
  // The month buckets are derived from the events (buckets.ts): rebuilt at start and after an import.
  { name: 'calendarEvents', model: CalendarEventModel, scope: 'owner', upgrade: rebuildAllBuckets },
  { name: 'calendarTrash', model: CalendarTrashModel, scope: 'owner' },
];

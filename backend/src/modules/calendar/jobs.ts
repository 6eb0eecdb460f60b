import { DAY_MS } from '@panoramix/contracts';
import type { JobDefinition } from '../../jobs/runner.ts';
import { rebuildAllBuckets } from './buckets.ts';
import { CalendarTrashModel } from './model.ts';

export const calendarJobs: JobDefinition[] = [
  {
    name: 'calendar.purge-trash',
    every: '1 hour',
    run: async () =>
      void (await CalendarTrashModel.deleteMany({ deletedAt: { $lt: new Date(Date.now() - DAY_MS) } }).setOptions({
        tenancy: 'system',
      })),
  },
  // A crash between an event's write and its bucket's leaves that month stale until this runs.
  { name: 'calendar.rebuild-buckets', every: '1 day', skipImmediate: true, run: rebuildAllBuckets },
];

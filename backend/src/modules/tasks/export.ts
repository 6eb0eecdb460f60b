import type { ExportedCollection } from '../export/registry.ts';
import { TaskModel, backfillOpen } from './model.ts';
import { migrateRanks } from '../../lib/order-keys.ts';
import { forgetTopRanks } from './rank.ts';

export const tasksExport: ExportedCollection = {
  name: 'tasks',
  model: TaskModel,
  scope: 'owner',
  // At start and after an import: ranks as order keys (converted ones go below the projects' bounds,
  // which are then found again), `open` on every task.
  upgrade: async () => {
    if ((await migrateRanks(TaskModel)) > 0) await forgetTopRanks();
    await backfillOpen();
  },
};

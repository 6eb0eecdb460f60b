import type { ExportedCollection } from '../export/registry.ts';
import { TaskModel, backfillOpen } from './model.ts';
import { migrateRanks } from '../../lib/order-keys.ts';

export const tasksExport: ExportedCollection = {
  name: 'tasks',
  model: TaskModel,
  scope: 'owner',
  // At start and after an import: ranks as order keys, `open` on every task.
  upgrade: () => Promise.all([migrateRanks(TaskModel), backfillOpen()]),
};

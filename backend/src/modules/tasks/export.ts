import type { ExportedCollection } from '../export/registry.ts';
import { TaskModel } from './model.ts';
import { migrateRanks } from '../../lib/order-keys.ts';

export const tasksExport: ExportedCollection = {
  name: 'tasks',
  model: TaskModel,
  scope: 'owner',
  upgrade: () => migrateRanks(TaskModel),
};

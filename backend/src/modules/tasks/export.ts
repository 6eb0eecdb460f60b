import type { ExportedCollection } from '../export/registry.ts';
import { TaskModel } from './model.ts';
import { migrateTaskRanks } from './rank.ts';

/** Archives from before order keys carry number ranks: they are converted, in order, after the import. */
export const tasksExport: ExportedCollection = { name: 'tasks', model: TaskModel, scope: 'owner', afterImport: migrateTaskRanks };

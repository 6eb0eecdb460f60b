import type { ExportedCollection } from '../export/registry.ts';
import { TaskModel } from './model.ts';

export const tasksExport: ExportedCollection = { name: 'tasks', model: TaskModel, scope: 'owner' };

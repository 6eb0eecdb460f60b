import type { ExportedCollection } from '../export/registry.ts';
import { migrateRanks } from '../../lib/order-keys.ts';
import { ProjectModel } from './model.ts';

export const projectsExport: ExportedCollection = {
  name: 'projects',
  model: ProjectModel,
  scope: 'owner',
  upgrade: () => migrateRanks(ProjectModel),
};

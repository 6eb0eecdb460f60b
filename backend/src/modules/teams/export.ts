import type { ExportedCollection } from '../export/registry.ts';
import { TeamModel } from './model.ts';

export const teamsExport: ExportedCollection = { name: 'teams', model: TeamModel, scope: 'owner' };

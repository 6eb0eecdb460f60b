import { migrateRanks } from '../../lib/order-keys.ts';
import type { ExportedCollection } from '../export/registry.ts';
import { NoteLineModel, NoteSessionModel } from './sessions.model.ts';

export const noteSessionsExport: ExportedCollection = { name: 'noteSessions', model: NoteSessionModel, scope: 'owner' };
export const noteLinesExport: ExportedCollection = {
  name: 'noteLines',
  model: NoteLineModel,
  scope: 'owner',
  upgrade: () => migrateRanks(NoteLineModel),
};

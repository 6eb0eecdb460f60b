import type { ExportedCollection } from '../export/registry.ts';
import { JournalEntryModel } from './model.ts';

export const journalExport: ExportedCollection = { name: 'userLogs', model: JournalEntryModel, scope: 'owner' };

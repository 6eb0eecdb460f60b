import type { ExportedCollection } from '../export/registry.ts';
import { upgradeDays } from './days.ts';
import { JournalEntryModel } from './model.ts';

// The day documents are derived from the entries (days.ts): rebuilt when their format changed and after an import.
export const journalExport: ExportedCollection = {
  name: 'userLogs',
  model: JournalEntryModel,
  scope: 'owner',
  upgrade: upgradeDays,
};

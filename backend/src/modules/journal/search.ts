import { modelSource } from '../../ml/index/sources.ts';
import { JournalEntryModel } from './model.ts';

export const journalSearch = modelSource({
  kind: 'journal',
  model: JournalEntryModel,
  events: ['journalEntry.created', 'journalEntry.updated', 'journalEntry.deleted'],
  title: (doc) => String(doc.content).slice(0, 80),
  text: (doc) => String(doc.content),
  target: () => '/journal',
});

import { JournalEntryModel } from '../../journal/model.ts';
import { journalSearch } from '../../journal/search.ts';
import type { Mapping } from '../mapping.ts';
import { COMMON_FIELDS, text, timestamps } from '../mapping.ts';

/** Panorama's Board Journal entries are our journal's. */
export const userLogsMapping: Mapping = {
  collection: 'userLogs',
  model: JournalEntryModel,
  searchKind: journalSearch.kind,
  known: [...COMMON_FIELDS, 'content'],
  map: (doc, ctx) => ({ content: text(doc.content), ...timestamps(doc, ctx) }),
};

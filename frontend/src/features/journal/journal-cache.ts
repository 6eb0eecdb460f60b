import type { JournalEntry } from '@panoramix/contracts';
import type { QueryClient } from '@tanstack/react-query';
import type { EventAppliers } from '../../api/event-appliers.ts';
import { dropItem, editPages, newestFirst, putItem } from '../../api/list-cache.ts';

export const journalKeys = { list: ['journal', 'list'] as const };

const order = newestFirst('createdAt');

export const putEntry = (queryClient: QueryClient, entry: JournalEntry) =>
  putItem(queryClient, journalKeys.list, entry, { order });

export const dropEntry = (queryClient: QueryClient, id: string) => dropItem(queryClient, journalKeys.list, id, { deleted: true });

/** *Tout effacer* here or in another tab: the list empties at once, then is read again (lines written since come back). */
export function emptyJournal(queryClient: QueryClient) {
  editPages<JournalEntry>(queryClient, journalKeys.list, () => []);
  void queryClient.invalidateQueries({ queryKey: journalKeys.list });
}

/** Lines written, edited or deleted in the owner's other tabs and devices. */
export const journalEvents: EventAppliers = {
  'journalEntry.created': putEntry,
  'journalEntry.updated': putEntry,
  'journalEntry.deleted': (queryClient, { id }) => dropEntry(queryClient, id),
  'journal.cleared': (queryClient) => emptyJournal(queryClient),
};

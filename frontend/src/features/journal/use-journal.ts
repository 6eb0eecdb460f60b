import type { JournalEntry, JournalSuggestion } from '@panoramix/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { routes } from 'virtual:panoramix/contracts';
import { call } from '../../api/client.ts';
import { usePagedList } from '../../api/paged-list.ts';
import { dropEntry, emptyJournal, journalKeys, putEntry } from './journal-cache.ts';

/** My journal, newest line first, a hundred lines a page. */
export const useJournal = () =>
  usePagedList(journalKeys.list, (cursor, signal) =>
    call(routes.journal.list, { query: { limit: 100, ...(cursor ? { cursor } : {}) }, signal }),
  );

/** The journal's writes; each answer goes into the list at once (the event that follows finds it there). */
export function useJournalOperations() {
  const queryClient = useQueryClient();
  return {
    create: useMutation({
      mutationFn: (body: { content: string; createdAt?: string }) => call(routes.journal.create, { body }),
      onSuccess: (entry) => putEntry(queryClient, entry),
    }),
    update: useMutation({
      mutationFn: ({ id, content }: { id: string; content: string }) =>
        call(routes.journal.update, { params: { id }, body: { content } }),
      onSuccess: (entry) => putEntry(queryClient, entry),
    }),
    remove: useMutation({
      mutationFn: (entry: JournalEntry) => call(routes.journal.remove, { params: { id: entry.id } }),
      onSuccess: (_, entry) => dropEntry(queryClient, entry.id),
    }),
    clear: useMutation({
      mutationFn: () => call(routes.journal.clear),
      onSuccess: () => emptyJournal(queryClient),
    }),
    summarize: useMutation({
      mutationFn: (body: { hours: number; timeZone: string }) => call(routes.journal.summarize, { body }),
    }),
    accept: useMutation({
      mutationFn: (suggestions: JournalSuggestion[]) => call(routes.journal.accept, { body: { suggestions } }),
    }),
  };
}

export type JournalOperations = ReturnType<typeof useJournalOperations>;

import type { NoteSession, routes as contractRoutes, RouteBodyInput } from '@panoramix/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes } from 'virtual:panoramix/contracts';
import { call } from '../../api/client.ts';
import { itemsOf, usePagedList } from '../../api/paged-list.ts';
import type { PagedData } from '../../api/paged-list.ts';
import { dropSession, noteKeys, putSession } from './note-cache.ts';

/** The note sessions, newest first, a page of 200 at a time. */
export function useSessions() {
  return usePagedList(noteKeys.sessions, (cursor, signal) =>
    call(routes.noteSessions.list, { query: { limit: 200, cursor }, signal }),
  );
}

export function useNoteSession(id: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: noteKeys.session(id),
    queryFn: ({ signal }) => call(routes.noteSessions.get, { params: { id }, signal }),
    initialData: () => itemsOf(queryClient.getQueryData<PagedData<NoteSession>>(noteKeys.sessions))?.find((s) => s.id === id),
  });
}

export function useSessionOperations() {
  const queryClient = useQueryClient();
  const onSaved = (session: NoteSession) => putSession(queryClient, session);
  const create = useMutation({
    mutationFn: (body: RouteBodyInput<typeof contractRoutes.noteSessions.create>) => call(routes.noteSessions.create, { body }),
    onSuccess: onSaved,
  });
  const update = useMutation({
    mutationFn: ({ id, ...body }: RouteBodyInput<typeof contractRoutes.noteSessions.update> & { id: string }) =>
      call(routes.noteSessions.update, { params: { id }, body }),
    onSuccess: onSaved,
  });
  const remove = useMutation({
    mutationFn: (id: string) => call(routes.noteSessions.remove, { params: { id } }),
    onSuccess: (_, id) => dropSession(queryClient, id),
  });
  /** 503 when no language model is configured: the caller shows the server's reason. */
  const summarize = useMutation({
    mutationFn: (id: string) => call(routes.noteSessions.summarize, { params: { id } }),
    onSuccess: ({ session }) => onSaved(session),
  });
  return { create, update, remove, summarize };
}

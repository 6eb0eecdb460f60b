import type { NoteSession, routes as contractRoutes, RouteBodyInput } from '@panoramix/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { routes } from 'virtual:panoramix/contracts';
import { call } from '../../api/client.ts';
import { useReplica } from '../../api/replica/use-replica.ts';
import { dropSession, putSession, sessionsNewestFirst } from './note-cache.ts';

/** The note sessions, newest first, from the replica: showing the list sends nothing. */
export const useSessions = () => useReplica('noteSessions', sessionsNewestFirst);

/** One session, from the replica (which holds sessions whole): null once it is known not to exist (deleted, or never mine). */
export function useNoteSession(id: string) {
  const find = useCallback((sessions: NoteSession[]) => sessions.find((s) => s.id === id) ?? null, [id]);
  return useReplica('noteSessions', find);
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

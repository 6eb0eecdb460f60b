import type { routes as contractRoutes, RouteBodyInput, SituationAiKind, SituationQuestion } from '@panoramix/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes } from 'virtual:panoramix/contracts';
import { call } from '../../api/client.ts';
import { usePagedList } from '../../api/paged-list.ts';
import { patchDetail, situationKeys, upsert, withJob } from './situation-cache.ts';

type SituationFields = RouteBodyInput<typeof contractRoutes.situations.update>;
export type ActorBody = RouteBodyInput<typeof contractRoutes.situations.createActor>;

/** My situations matching the search, most recently changed first, page by page. */
export const useSituations = (q: string) =>
  usePagedList(situationKeys.list(q), (cursor, signal) =>
    call(routes.situations.list, { query: { ...(q ? { q } : {}), ...(cursor ? { cursor } : {}) }, signal }),
  );

/** One situation with everything it holds; events keep it current (situation-cache.ts). */
export const useSituation = (id: string) =>
  useQuery({
    queryKey: situationKeys.one(id),
    queryFn: ({ signal }) => call(routes.situations.get, { params: { id }, signal }),
  });

/**
 * The writes of one situation's page. Each answer goes into the page's cache at once (the event
 * that follows finds it there already), so what the user did shows without waiting for the socket.
 */
export function useSituationOperations(id: string) {
  const queryClient = useQueryClient();
  const patch = (change: Parameters<typeof patchDetail>[2]) => patchDetail(queryClient, id, change);
  const refreshLists = () => void queryClient.invalidateQueries({ queryKey: situationKeys.lists });
  return {
    update: useMutation({
      mutationFn: (body: SituationFields) => call(routes.situations.update, { params: { id }, body }),
      onSuccess: (situation) => {
        patch((d) => ({ ...d, situation }));
        refreshLists();
      },
    }),
    remove: useMutation({
      mutationFn: () => call(routes.situations.remove, { params: { id } }),
      onSuccess: () => {
        queryClient.removeQueries({ queryKey: situationKeys.one(id) });
        refreshLists();
      },
    }),
    addActor: useMutation({
      mutationFn: (body: ActorBody) => call(routes.situations.createActor, { params: { id }, body }),
      onSuccess: (actor) => patch((d) => ({ ...d, actors: upsert(d.actors, actor) })),
    }),
    updateActor: useMutation({
      mutationFn: ({ actorId, situationRole }: { actorId: string; situationRole: string }) =>
        call(routes.situations.updateActor, { params: { id, actorId }, body: { situationRole } }),
      onSuccess: (actor) => patch((d) => ({ ...d, actors: upsert(d.actors, actor) })),
    }),
    removeActor: useMutation({
      mutationFn: (actorId: string) => call(routes.situations.removeActor, { params: { id, actorId } }),
      onSuccess: (_, actorId) =>
        patch((d) => ({
          ...d,
          actors: d.actors.filter((a) => a.id !== actorId),
          notes: d.notes.filter((n) => n.actorId !== actorId),
          questions: d.questions.filter((q) => q.actorId !== actorId),
        })),
    }),
    addNote: useMutation({
      mutationFn: (body: { actorId: string | null; content: string }) =>
        call(routes.situations.createNote, { params: { id }, body }),
      onSuccess: (note) => patch((d) => ({ ...d, notes: upsert(d.notes, note) })),
    }),
    updateNote: useMutation({
      mutationFn: ({ noteId, content }: { noteId: string; content: string }) =>
        call(routes.situations.updateNote, { params: { id, noteId }, body: { content } }),
      onSuccess: (note) => patch((d) => ({ ...d, notes: upsert(d.notes, note) })),
    }),
    removeNote: useMutation({
      mutationFn: (noteId: string) => call(routes.situations.removeNote, { params: { id, noteId } }),
      onSuccess: (_, noteId) => patch((d) => ({ ...d, notes: d.notes.filter((n) => n.id !== noteId) })),
    }),
    putQuestions: useMutation({
      mutationFn: ({ actorId, questions }: { actorId: string; questions: SituationQuestion[] }) =>
        call(routes.situations.putQuestions, { params: { id, actorId }, body: { questions } }),
      onSuccess: (questions) => patch((d) => ({ ...d, questions: upsert(d.questions, questions) })),
    }),
    putSummary: useMutation({
      mutationFn: (text: string) => call(routes.situations.putSummary, { params: { id }, body: { text } }),
      onSuccess: (summary) => patch((d) => ({ ...d, summary })),
    }),
    runAi: useMutation({
      mutationFn: (kind: SituationAiKind) => call(routes.situations.runAi, { params: { id, kind } }),
      onSuccess: (job) => patch((d) => withJob(d, job)),
    }),
  };
}

export type SituationOperations = ReturnType<typeof useSituationOperations>;

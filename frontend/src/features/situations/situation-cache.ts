import type { SituationAiJob, SituationDetail } from '@panoramix/contracts';
import type { QueryClient } from '@tanstack/react-query';
import type { EventAppliers } from '../../api/event-appliers.ts';

export const situationKeys = {
  all: ['situations'] as const,
  lists: ['situations', 'list'] as const,
  list: (q: string) => ['situations', 'list', q] as const,
  one: (id: string) => ['situations', 'one', id] as const,
};

type Dated = { id: string; updatedAt: string };

/** Puts an item in a list by id, unless the list already holds a newer version of it (events and answers race). */
export function upsert<T extends Dated>(list: readonly T[], item: T): T[] {
  const index = list.findIndex((other) => other.id === item.id);
  if (index < 0) return [...list, item];
  if (list[index]!.updatedAt > item.updatedAt) return [...list];
  return list.map((other, i) => (i === index ? item : other));
}

/** Changes the open situation's answer in the cache, when it is there; a situation not loaded waits for its first read. */
export function patchDetail(queryClient: QueryClient, situationId: string, change: (detail: SituationDetail) => SituationDetail) {
  queryClient.setQueryData<SituationDetail>(situationKeys.one(situationId), (detail) => detail && change(detail));
}

const refreshLists = (queryClient: QueryClient) => void queryClient.invalidateQueries({ queryKey: situationKeys.lists });

/**
 * Live changes from the owner's other tabs and devices, and from the AI jobs: the list is sorted
 * and searched on the server, so it is read again; the open situation's answer (everything it
 * holds) is patched in place, so what is being typed elsewhere on the page is left alone.
 */
export const situationEvents: EventAppliers = {
  'situation.created': refreshLists,
  'situation.updated': (queryClient, situation) => {
    refreshLists(queryClient);
    patchDetail(queryClient, situation.id, (d) => (d.situation.updatedAt > situation.updatedAt ? d : { ...d, situation }));
  },
  'situation.deleted': (queryClient, { id }) => {
    refreshLists(queryClient);
    // Read again: the answer is now a 404, which the page shows as "no longer exists".
    void queryClient.invalidateQueries({ queryKey: situationKeys.one(id) });
  },
  'situationActor.created': (queryClient, actor) =>
    patchDetail(queryClient, actor.situationId, (d) => ({ ...d, actors: upsert(d.actors, actor) })),
  'situationActor.updated': (queryClient, actor) =>
    patchDetail(queryClient, actor.situationId, (d) => ({ ...d, actors: upsert(d.actors, actor) })),
  'situationActor.deleted': (queryClient, { id, situationId }) =>
    patchDetail(queryClient, situationId, (d) => ({
      ...d,
      actors: d.actors.filter((a) => a.id !== id),
      notes: d.notes.filter((n) => n.actorId !== id),
      questions: d.questions.filter((q) => q.actorId !== id),
    })),
  'situationNote.created': (queryClient, note) =>
    patchDetail(queryClient, note.situationId, (d) => ({ ...d, notes: upsert(d.notes, note) })),
  'situationNote.updated': (queryClient, note) =>
    patchDetail(queryClient, note.situationId, (d) => ({ ...d, notes: upsert(d.notes, note) })),
  'situationNote.deleted': (queryClient, { id, situationId }) =>
    patchDetail(queryClient, situationId, (d) => ({ ...d, notes: d.notes.filter((n) => n.id !== id) })),
  'situationQuestions.updated': (queryClient, questions) =>
    patchDetail(queryClient, questions.situationId, (d) => ({ ...d, questions: upsert(d.questions, questions) })),
  'situationQuestions.deleted': (queryClient, { id, situationId }) =>
    patchDetail(queryClient, situationId, (d) => ({ ...d, questions: d.questions.filter((q) => q.id !== id) })),
  'situationSummary.updated': (queryClient, summary) =>
    patchDetail(queryClient, summary.situationId, (d) =>
      d.summary && d.summary.updatedAt > summary.updatedAt ? d : { ...d, summary },
    ),
  'situationSummary.deleted': (queryClient, { situationId }) =>
    patchDetail(queryClient, situationId, (d) => ({ ...d, summary: null })),
  'situationAi.updated': (queryClient, job) => patchDetail(queryClient, job.situationId, (d) => withJob(d, job)),
};

const progress = { queued: 0, running: 1, done: 2, failed: 2 } as const;

/** The latest job of its kind replaces the one shown, unless it is the same run seen later (the POST's answer after its events). */
export function withJob(detail: SituationDetail, job: SituationAiJob): SituationDetail {
  const shown = detail.aiJobs.find((other) => other.kind === job.kind);
  if (shown && shown.queuedAt === job.queuedAt && progress[shown.status] > progress[job.status]) return detail;
  if (shown && shown.queuedAt > job.queuedAt) return detail;
  return { ...detail, aiJobs: [...detail.aiJobs.filter((other) => other.kind !== job.kind), job] };
}

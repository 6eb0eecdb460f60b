import type { JobDefinition } from '../../jobs/runner.ts';
import {
  SituationActorModel,
  SituationAiJobModel,
  SituationModel,
  SituationNoteModel,
  SituationQuestionsModel,
  SituationSummaryModel,
} from './model.ts';
import { SITUATION_DELETE_JOB } from './service.ts';

/**
 * What a deleted situation holds, children first: notes and questions point at actors, so actors
 * go after them, and the situation last. Each step is idempotent: a run after a crash finishes the work.
 */
export const situationCascadeSteps: readonly ((filter: { userId: string; situationId: string }) => PromiseLike<unknown>)[] = [
  (filter) => SituationNoteModel.deleteMany(filter),
  (filter) => SituationQuestionsModel.deleteMany(filter),
  (filter) => SituationSummaryModel.deleteMany(filter),
  (filter) => SituationAiJobModel.deleteMany(filter),
  (filter) => SituationActorModel.deleteMany(filter),
];

export async function removeSituation(situationId: string, userId: string) {
  const situation = await SituationModel.findOne({ _id: situationId, userId }, { deletingAt: 1 }).lean();
  if (!situation) return; // a finished run
  // Queued just before the mark is written: retried shortly. Never marked (a crash in between): the situation stays, whole.
  if (!situation.deletingAt) throw new Error(`situation ${situationId} is not marked for deletion yet`);
  for (const step of situationCascadeSteps) await step({ userId, situationId });
  await SituationModel.deleteOne({ _id: situationId, userId });
}

export const situationJobs: JobDefinition[] = [
  {
    name: SITUATION_DELETE_JOB,
    run: async (data) => {
      const { situationId, userId } = data as { situationId: string; userId: string };
      await removeSituation(situationId, userId);
    },
  },
];

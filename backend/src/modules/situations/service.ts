import type { SituationDetail } from '@panoramix/contracts';
import type { AuthUser } from '../../http/auth-guard.ts';
import { notFound } from '../../http/problem.ts';
import type { JobQueue } from '../../jobs/runner.ts';
import { after, sortOf, toPage } from '../../lib/pagination.ts';
import type { SortKey } from '../../lib/pagination.ts';
import { escapeRegex } from '../../lib/text.ts';
import type { EventBus } from '../../realtime/event-bus.ts';
import { ownSituation } from './access.ts';
import { toActorDto, toAiJobDto, toNoteDto, toQuestionsDto, toSituationDto, toSummaryDto } from './dto.ts';
import {
  SituationActorModel,
  SituationAiJobModel,
  SituationModel,
  SituationNoteModel,
  SituationQuestionsModel,
  SituationSummaryModel,
} from './model.ts';
import type {
  SituationActorDoc,
  SituationAiJobDoc,
  SituationDoc,
  SituationNoteDoc,
  SituationQuestionsDoc,
  SituationSummaryDoc,
} from './model.ts';

export const SITUATION_DELETE_JOB = 'situations.cascade-delete';

const byChange: SortKey = { field: 'updatedAt', direction: 'desc' };

/** Situations are private to their owner, as everything in them. */
export function createSituationService(deps: { events: EventBus; jobs: JobQueue; aiAvailable: boolean }) {
  async function list(actor: AuthUser, query: { limit: number; cursor?: string | undefined; q?: string | undefined }) {
    const rows = await SituationModel.find({
      userId: actor.id,
      deletingAt: null,
      ...(query.q ? { title: new RegExp(escapeRegex(query.q), 'i') } : {}),
      ...after(byChange, query.cursor),
    })
      .sort(sortOf(byChange))
      .limit(query.limit + 1)
      .lean<SituationDoc[]>();
    return toPage(rows, query.limit, byChange, toSituationDto);
  }

  async function create(actor: AuthUser, input: { title: string; description: string }) {
    const created = await SituationModel.create({ ...input, userId: actor.id });
    const situation = toSituationDto(created.toObject() as SituationDoc);
    await deps.events.emit({ type: 'situation.created', userId: actor.id, data: situation });
    return situation;
  }

  async function get(actor: AuthUser, id: string): Promise<SituationDetail> {
    const situation = await ownSituation(actor, id);
    const mine = { userId: actor.id, situationId: id };
    const [actors, notes, questions, summary, aiJobs] = await Promise.all([
      SituationActorModel.find(mine).sort({ _id: 1 }).lean<SituationActorDoc[]>(),
      SituationNoteModel.find(mine).sort({ _id: 1 }).lean<SituationNoteDoc[]>(),
      SituationQuestionsModel.find(mine).sort({ _id: 1 }).lean<SituationQuestionsDoc[]>(),
      SituationSummaryModel.findOne(mine).lean<SituationSummaryDoc>(),
      SituationAiJobModel.find(mine).sort({ kind: 1 }).lean<SituationAiJobDoc[]>(),
    ]);
    return {
      situation: toSituationDto(situation),
      actors: actors.map(toActorDto),
      notes: notes.map(toNoteDto),
      questions: questions.map(toQuestionsDto),
      summary: summary ? toSummaryDto(summary) : null,
      aiJobs: aiJobs.map(toAiJobDto),
      aiAvailable: deps.aiAvailable,
    };
  }

  async function update(actor: AuthUser, id: string, patch: { title?: string | undefined; description?: string | undefined }) {
    const { matchedCount } = await SituationModel.updateOne({ _id: id, userId: actor.id, deletingAt: null }, { $set: patch });
    if (matchedCount === 0) throw notFound('Situation');
    const situation = toSituationDto(await ownSituation(actor, id));
    await deps.events.emit({ type: 'situation.updated', userId: actor.id, data: situation });
    return situation;
  }

  /**
   * Deletion is a durable job, queued first (a crash after this point still deletes everything);
   * then the situation disappears at once, and the job removes its content, the situation last.
   */
  async function remove(actor: AuthUser, id: string) {
    await ownSituation(actor, id);
    await deps.jobs.now(SITUATION_DELETE_JOB, { situationId: id, userId: actor.id });
    await SituationModel.updateOne({ _id: id, userId: actor.id }, { $set: { deletingAt: new Date() } });
    await deps.events.emit({ type: 'situation.deleted', userId: actor.id, data: { id } });
  }

  return { list, create, get, update, remove };
}

export type SituationService = ReturnType<typeof createSituationService>;

import type { SituationQuestion } from '@panoramix/contracts';
import type { AuthUser } from '../../http/auth-guard.ts';
import { notFound } from '../../http/problem.ts';
import type { EventBus } from '../../realtime/event-bus.ts';
import { ownActor, ownSituation, writeSingle } from './access.ts';
import { toQuestionsDto, toSummaryDto } from './dto.ts';
import { SituationQuestionsModel, SituationSummaryModel } from './model.ts';
import type { SituationQuestionsDoc, SituationSummaryDoc } from './model.ts';

/**
 * The interview questions (one document per actor, the user's answers in it) and the summary (one
 * per situation). The AI jobs write through the same functions, so each write emits its event.
 */
export function createAnswerService(deps: { events: EventBus }) {
  async function saveQuestions(userId: string, situationId: string, actorId: string, questions: SituationQuestion[]) {
    const id = await writeSingle(SituationQuestionsModel, { userId, situationId, actorId }, actorId, { questions });
    const saved = await SituationQuestionsModel.findOne({ _id: id, userId }).lean<SituationQuestionsDoc>();
    if (!saved) throw notFound('Questions');
    const dto = toQuestionsDto(saved);
    await deps.events.emit({ type: 'situationQuestions.updated', userId, data: dto });
    return dto;
  }

  async function saveSummary(userId: string, situationId: string, text: string) {
    const id = await writeSingle(SituationSummaryModel, { userId, situationId }, situationId, { text });
    const saved = await SituationSummaryModel.findOne({ _id: id, userId }).lean<SituationSummaryDoc>();
    if (!saved) throw notFound('Summary');
    const dto = toSummaryDto(saved);
    await deps.events.emit({ type: 'situationSummary.updated', userId, data: dto });
    return dto;
  }

  async function putQuestions(actor: AuthUser, situationId: string, actorId: string, questions: SituationQuestion[]) {
    await ownActor(actor, situationId, actorId);
    return saveQuestions(actor.id, situationId, actorId, questions);
  }

  async function removeQuestions(actor: AuthUser, situationId: string, actorId: string) {
    await ownActor(actor, situationId, actorId);
    const found = await SituationQuestionsModel.findOne({ userId: actor.id, situationId, actorId }, { _id: 1 }).lean();
    if (!found) throw notFound('Questions');
    await SituationQuestionsModel.deleteOne({ _id: found._id, userId: actor.id });
    const data = { id: String(found._id), situationId };
    await deps.events.emit({ type: 'situationQuestions.deleted', userId: actor.id, data });
  }

  async function putSummary(actor: AuthUser, situationId: string, text: string) {
    await ownSituation(actor, situationId);
    return saveSummary(actor.id, situationId, text);
  }

  async function removeSummary(actor: AuthUser, situationId: string) {
    await ownSituation(actor, situationId);
    const found = await SituationSummaryModel.findOne({ userId: actor.id, situationId }, { _id: 1 }).lean();
    if (!found) throw notFound('Summary');
    await SituationSummaryModel.deleteOne({ _id: found._id, userId: actor.id });
    await deps.events.emit({ type: 'situationSummary.deleted', userId: actor.id, data: { id: String(found._id), situationId } });
  }

  return { saveQuestions, saveSummary, putQuestions, removeQuestions, putSummary, removeSummary };
}

export type AnswerService = ReturnType<typeof createAnswerService>;

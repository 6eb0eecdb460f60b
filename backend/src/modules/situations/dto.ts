import type {
  Situation,
  SituationActor,
  SituationAiJob,
  SituationAiKind,
  SituationNote,
  SituationQuestions,
  SituationSummary,
} from '@panoramix/contracts';
import { idOrNull, isoOrNull, ownedBase } from '../../lib/dto.ts';
import type {
  SituationActorDoc,
  SituationAiJobDoc,
  SituationDoc,
  SituationNoteDoc,
  SituationQuestionsDoc,
  SituationSummaryDoc,
} from './model.ts';

export const toSituationDto = (s: SituationDoc): Situation => ({ ...ownedBase(s), title: s.title, description: s.description });

export const toActorDto = (a: SituationActorDoc): SituationActor => ({
  ...ownedBase(a),
  situationId: String(a.situationId),
  personId: idOrNull(a.personId),
  name: a.name,
  role: a.role,
  situationRole: a.situationRole,
});

export const toNoteDto = (n: SituationNoteDoc): SituationNote => ({
  ...ownedBase(n),
  situationId: String(n.situationId),
  actorId: idOrNull(n.actorId),
  content: n.content,
});

export const toQuestionsDto = (q: SituationQuestionsDoc): SituationQuestions => ({
  ...ownedBase(q),
  situationId: String(q.situationId),
  actorId: String(q.actorId),
  questions: q.questions.map(({ q: question, r }) => ({ q: question, r })),
});

export const toSummaryDto = (s: SituationSummaryDoc): SituationSummary => ({
  ...ownedBase(s),
  situationId: String(s.situationId),
  text: s.text,
});

export const toAiJobDto = (j: SituationAiJobDoc): SituationAiJob => ({
  situationId: String(j.situationId),
  kind: j.kind as SituationAiKind,
  status: j.status as SituationAiJob['status'],
  error: j.error?.reason
    ? { reason: j.error.reason as NonNullable<SituationAiJob['error']>['reason'], detail: j.error.detail ?? '' }
    : null,
  queuedAt: j.queuedAt.toISOString(),
  finishedAt: isoOrNull(j.finishedAt),
});

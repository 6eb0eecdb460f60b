import type {
  SituationActor,
  SituationAiJob,
  SituationDetail,
  SituationNote,
  SituationQuestions,
  SituationSummary,
} from '@panoramix/contracts';
import { entityBase } from '../../test-builders.ts';

/** A situation's whole answer (GET /api/situations/:id) for tests: nothing in it unless told. */
export function aSituationDetail(overrides: Partial<SituationDetail> = {}): SituationDetail {
  const { n, ...base } = entityBase();
  return {
    situation: { ...base, title: `Situation ${n}`, description: '' },
    actors: [],
    notes: [],
    questions: [],
    summary: null,
    aiJobs: [],
    aiAvailable: true,
    ...overrides,
  };
}

export function anActor(situationId: string, overrides: Partial<SituationActor> = {}): SituationActor {
  const { n, ...base } = entityBase();
  return { ...base, situationId, personId: null, name: `Actor ${n}`, role: '', situationRole: '', ...overrides };
}

export function aNote(situationId: string, overrides: Partial<SituationNote> = {}): SituationNote {
  const { n, ...base } = entityBase();
  return { ...base, situationId, actorId: null, content: `Note ${n}`, ...overrides };
}

export function someQuestions(
  situationId: string,
  actorId: string,
  questions: SituationQuestions['questions'],
): SituationQuestions {
  const { n: _n, ...base } = entityBase();
  return { ...base, situationId, actorId, questions };
}

export function aSummary(situationId: string, text: string): SituationSummary {
  const { n: _n, ...base } = entityBase();
  return { ...base, situationId, text };
}

export const aJob = (situationId: string, overrides: Partial<SituationAiJob> = {}): SituationAiJob => ({
  situationId,
  kind: 'generateQuestions',
  status: 'queued',
  error: null,
  queuedAt: '2026-11-26T10:00:00.000Z',
  finishedAt: null,
  ...overrides,
});

import type { PersonInput, PersonRecord, Preferences } from '@panoramix/contracts';
import type { z } from 'zod';
import type { AuthUser } from '../../http/auth-guard.ts';
import type { JobQueue } from '../../jobs/runner.ts';
import type { Logger } from '../../lib/logger.ts';
import type { EventBus } from '../../realtime/event-bus.ts';
import { createActorService } from './actors.ts';
import { createSituationAi } from './ai-jobs.ts';
import { createAnswerService } from './answers.ts';
import { situationJobs } from './cascade.ts';
import { createSituationNoteService } from './notes.ts';
import { createSituationService } from './service.ts';

/** Everything the Situations routes and jobs use, wired once (services.ts passes the AI proxy and the people service in). */
export function createSituationServices(deps: {
  events: EventBus;
  jobs: JobQueue;
  logger: Logger;
  ai: {
    available: boolean;
    requireModel: () => void;
    ask: (actor: AuthUser, input: { system: string; prompt: string }, schema: z.ZodType) => Promise<unknown>;
    timeoutMs: number;
  };
  createPerson: (actor: AuthUser, input: PersonInput) => Promise<PersonRecord>;
  languageOf: (actor: AuthUser) => Promise<Preferences['language']>;
}) {
  const answers = createAnswerService(deps);
  const ai = createSituationAi({
    ...deps,
    answers,
    ask: deps.ai.ask,
    requireModel: deps.ai.requireModel,
    // Two tries of the model, each up to its timeout, and room to write: older than that, the run was lost.
    staleMs: 4 * deps.ai.timeoutMs + 60_000,
  });
  return {
    situations: createSituationService({ events: deps.events, jobs: deps.jobs, aiAvailable: deps.ai.available }),
    actors: createActorService(deps),
    notes: createSituationNoteService(deps),
    answers,
    ai,
    jobs: [...situationJobs, ...ai.jobs],
  };
}

export type SituationServices = ReturnType<typeof createSituationServices>;

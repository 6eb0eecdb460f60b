import { createHash, randomUUID } from 'node:crypto';
import type { Preferences, SituationAiJob, SituationAiKind } from '@panoramix/contracts';
import type { z } from 'zod';
import { isDuplicateKey } from '../../db/duplicate-key.ts';
import type { AuthUser } from '../../http/auth-guard.ts';
import { HttpError } from '../../http/problem.ts';
import type { JobDefinition, JobQueue } from '../../jobs/runner.ts';
import type { Logger } from '../../lib/logger.ts';
import { createPlanApplier } from './ai-apply.ts';
import type { ApplyDeps } from './ai-apply.ts';
import { AiJobFailure, buildPlan, loadContext } from './ai-plans.ts';
import type { AiPlan, AskJson } from './ai-plans.ts';
import { ownSituation } from './access.ts';
import { toAiJobDto } from './dto.ts';
import { SituationAiJobModel } from './model.ts';
import type { SituationAiJobDoc } from './model.ts';
import { promptTexts } from './prompts.ts';

export const SITUATION_AI_JOB = 'situations.ai';

/** The one state document of a kind of job on a situation: its `_id` derived from both, so two requests share it. */
export const aiJobId = (situationId: string, kind: SituationAiKind) =>
  createHash('sha1').update(`situation-ai:${situationId}:${kind}`).digest('hex').slice(0, 24);

/** The model server's failures, as the job reports them (ai/service.ts turns them into 503s, ask-json.ts a bad answer into a 502). */
function failureOf(error: unknown): AiJobFailure {
  if (error instanceof AiJobFailure) return error;
  if (error instanceof HttpError && error.status === 502)
    return new AiJobFailure('malformed-answer', error.detail ?? error.title);
  if (error instanceof HttpError && error.status === 503) {
    const detail = error.detail ?? error.title;
    if (/no answer within/i.test(detail)) return new AiJobFailure('timeout', detail);
    if (/no language model is configured/i.test(detail)) return new AiJobFailure('no-model', detail);
    return new AiJobFailure('model-failed', detail);
  }
  return new AiJobFailure('internal', 'The job failed unexpectedly');
}

interface JobData {
  jobId: string;
  runId: string;
  actor: AuthUser;
}

/**
 * The AI actions as durable jobs, one state document per situation and kind. A request queues a
 * run (or answers the one already queued or running); the run asks the model, validates its
 * answer into a plan, stores the plan, applies it, and only then says done. A failure before the
 * plan is stored writes nothing; a crash after it re-applies the stored plan (ai-apply.ts).
 */
export function createSituationAi(
  deps: ApplyDeps & {
    jobs: JobQueue;
    logger: Logger;
    /** ai/ask-json.ts over the chat model. */
    ask: (actor: AuthUser, input: { system: string; prompt: string }, schema: z.ZodType) => Promise<unknown>;
    /** Throws the 503 problem when no language model is configured. */
    requireModel: () => void;
    languageOf: (actor: AuthUser) => Promise<Preferences['language']>;
    /** A run still queued or running after this long is taken for lost (its process died) and may be queued again. */
    staleMs: number;
  },
) {
  const apply = createPlanApplier(deps);

  async function announce(job: SituationAiJobDoc | null) {
    if (job) await deps.events.emit({ type: 'situationAi.updated', userId: String(job.userId), data: toAiJobDto(job) });
  }
  const read = (jobId: string) =>
    SituationAiJobModel.findOne({ _id: jobId }).setOptions({ tenancy: 'system' }).lean<SituationAiJobDoc>();

  /** Writes over the run it belongs to only: a run superseded meanwhile changes nothing. Whether it did. */
  async function advance(jobId: string, runId: string, set: Record<string, unknown>) {
    const { matchedCount } = await SituationAiJobModel.updateOne({ _id: jobId, runId }, { $set: set }).setOptions({
      tenancy: 'system',
    });
    return matchedCount === 1;
  }

  async function request(actor: AuthUser, situationId: string, kind: SituationAiKind): Promise<SituationAiJob> {
    await ownSituation(actor, situationId);
    deps.requireModel();
    const _id = aiJobId(situationId, kind);
    const runId = randomUUID();
    const queued = { status: 'queued', runId, error: null, plan: null, queuedAt: new Date(), finishedAt: null };
    // A conditional write decides between simultaneous requests (FerretDB's findOneAndUpdate is not atomic).
    const { matchedCount } = await SituationAiJobModel.updateOne(
      {
        _id,
        userId: actor.id,
        $or: [{ status: { $in: ['done', 'failed'] } }, { updatedAt: { $lt: new Date(Date.now() - deps.staleMs) } }],
      },
      { $set: queued },
    );
    let mine = matchedCount === 1;
    if (!mine) {
      try {
        await SituationAiJobModel.create({ _id, userId: actor.id, situationId, kind, ...queued });
        mine = true;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error; // else another run is queued or running: answer that one
      }
    }
    const job = await read(_id);
    if (!job) throw new Error('AI job state vanished');
    if (mine) {
      await deps.jobs.now(SITUATION_AI_JOB, {
        jobId: _id,
        runId,
        actor: { id: actor.id, username: actor.username, role: actor.role },
      });
      await announce(job);
    }
    return toAiJobDto(job);
  }

  async function plan(job: SituationAiJobDoc, actor: AuthUser): Promise<AiPlan | null> {
    const ctx = await loadContext(actor.id, String(job.situationId));
    if (!ctx) return null;
    const ask: AskJson = (input, schema) => deps.ask(actor, input, schema) as never;
    return buildPlan(job.kind as SituationAiKind, ctx, ask, promptTexts(await deps.languageOf(actor)));
  }

  async function run(data: unknown) {
    const { jobId, runId, actor } = data as JobData;
    const job = await read(jobId);
    if (!job || job.runId !== runId || job.status === 'done' || job.status === 'failed') return;
    if (job.status === 'queued' && (await advance(jobId, runId, { status: 'running' }))) await announce(await read(jobId));
    let planned = job.plan as AiPlan | null;
    if (!planned) {
      try {
        planned = await plan(job, actor);
      } catch (error) {
        const failure = failureOf(error);
        if (failure.reason === 'internal') deps.logger.error({ err: error, jobId }, 'situation AI job failed');
        const failed = { status: 'failed', error: { reason: failure.reason, detail: failure.detail }, finishedAt: new Date() };
        if (await advance(jobId, runId, failed)) await announce(await read(jobId));
        return;
      }
      if (!planned || !(await advance(jobId, runId, { plan: planned }))) return; // situation deleted, or superseded
    }
    await apply(actor, String(job.situationId), planned);
    if (await advance(jobId, runId, { status: 'done', plan: null, finishedAt: new Date() })) await announce(await read(jobId));
  }

  const jobs: JobDefinition[] = [{ name: SITUATION_AI_JOB, run }];
  return { request, jobs };
}

export type SituationAi = ReturnType<typeof createSituationAi>;

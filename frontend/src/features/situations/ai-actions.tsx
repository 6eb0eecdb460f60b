import type { SituationAiJob, SituationAiKind, SituationDetail } from '@panoramix/contracts';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button.tsx';
import { useFormat } from '../../ui/format.ts';
import type { SituationOperations } from './use-situations.ts';

// The contracts' list, restated as a type-checked constant: a value import of the contracts would bring Zod into the chunk.
const kinds = ['extractActors', 'generateQuestions', 'generateSummary'] as const satisfies readonly SituationAiKind[];

/**
 * The three AI actions, each with the state of its latest job as the server pushes it
 * (`situationAi.updated`): queued, running, done, or failed with its reason and a retry. Without
 * a language model the buttons are off and say why beforehand rather than failing once pressed.
 */
export function AiActions({ detail, runAi }: { detail: SituationDetail; runAi: SituationOperations['runAi'] }) {
  const { t } = useTranslation('situations');
  const format = useFormat();
  const noModelId = `no-model-${detail.situation.id}`;
  const status = (job: SituationAiJob) =>
    job.status === 'failed'
      ? t('status.failed', { reason: job.error ? t(`reasons.${job.error.reason}`) : '' })
      : t(`status.${job.status}`, { date: job.finishedAt ? format.dateTime(job.finishedAt) : '' });
  const blocked = (kind: SituationAiKind) => kind === 'generateQuestions' && detail.actors.length === 0;

  return (
    <section className="situation-ai card" aria-labelledby="situation-ai-title">
      <h2 id="situation-ai-title" className="situation-section-title">
        {t('ai')}
      </h2>
      {!detail.aiAvailable && (
        <p id={noModelId} className="muted">
          {t('noModel')}
        </p>
      )}
      <ul className="situation-ai-list">
        {kinds.map((kind) => {
          const job = detail.aiJobs.find((other) => other.kind === kind);
          const busy = job?.status === 'queued' || job?.status === 'running';
          const hintId = `${kind}-hint-${detail.situation.id}`;
          return (
            <li key={kind} className="situation-ai-item">
              <Button
                variant={kind === 'generateSummary' ? 'primary' : 'secondary'}
                onClick={() => runAi.mutate(kind)}
                disabled={!detail.aiAvailable || busy || blocked(kind) || (runAi.isPending && runAi.variables === kind)}
                aria-describedby={!detail.aiAvailable ? noModelId : blocked(kind) ? hintId : job ? `${kind}-status` : undefined}
              >
                {job?.status === 'failed' ? `${t(kind)} · ${t('retry')}` : t(kind)}
              </Button>
              {blocked(kind) && detail.aiAvailable && (
                <span id={hintId} className="muted">
                  {t('needsActors')}
                </span>
              )}
              {job && (
                <span
                  id={`${kind}-status`}
                  className={job.status === 'failed' ? 'situation-ai-status form-error' : 'situation-ai-status muted'}
                  role="status"
                  aria-busy={busy}
                >
                  {busy && <span className="spinner" aria-hidden="true" />}
                  {status(job)}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {runAi.error && (
        <p className="form-error" role="alert">
          {runAi.error.message}
        </p>
      )}
    </section>
  );
}

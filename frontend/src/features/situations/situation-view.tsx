import type { SituationDetail } from '@panoramix/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/problem.ts';
import { navigate } from '../../lib/location.ts';
import { Button } from '../../ui/button.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { LoadState } from '../../ui/load-state.tsx';
import { showToast } from '../../ui/toast.tsx';
import { AiActions } from './ai-actions.tsx';
import { SituationActors } from './situation-actors.tsx';
import { SituationFields } from './situation-fields.tsx';
import { SituationNotes } from './situation-notes.tsx';
import { SituationSummary } from './situation-summary.tsx';
import { useSituation, useSituationOperations } from './use-situations.ts';

function Situation({ detail, fresh }: { detail: SituationDetail; fresh: boolean }) {
  const { t } = useTranslation('situations');
  const ops = useSituationOperations(detail.situation.id);
  const [confirming, setConfirming] = useState(false);
  const remove = () =>
    ops.remove.mutate(undefined, {
      onSuccess: () => {
        showToast(t('deleted'));
        navigate('/situations');
      },
    });
  return (
    <article className="situation" aria-label={detail.situation.title}>
      <SituationFields situation={detail.situation} update={ops.update} fresh={fresh} />
      <AiActions detail={detail} runAi={ops.runAi} />
      <SituationActors detail={detail} ops={ops} />
      <SituationNotes notes={detail.notes} actorId={null} label={t('generalNotes')} ops={ops} />
      <SituationSummary summary={detail.summary} putSummary={ops.putSummary} />
      <div className="situation-row-actions">
        <Button variant="danger" onClick={() => setConfirming(true)}>
          {t('deleteSituation')}
        </Button>
      </div>
      {confirming && (
        <ConfirmDialog
          title={t('deleteTitle', { title: detail.situation.title })}
          pending={ops.remove.isPending}
          error={ops.remove.error}
          onConfirm={remove}
          onClose={() => setConfirming(false)}
        >
          <p>
            {t('deleteBody', {
              actors: t('actorCount', { count: detail.actors.length }),
              notes: t('noteCount', { count: detail.notes.length }),
            })}
          </p>
        </ConfirmDialog>
      )}
    </article>
  );
}

/** The open situation; one deleted elsewhere (a 404, or its event) reads "no longer exists". */
export function SituationView({ id, fresh }: { id: string; fresh: boolean }) {
  const { t } = useTranslation('situations');
  const situation = useSituation(id);
  const gone = situation.error instanceof ApiError && situation.error.status === 404;
  return (
    <LoadState
      data={gone ? undefined : situation.data}
      loading={situation.isPending && !gone}
      error={gone ? null : situation.error}
      onRetry={() => void situation.refetch()}
      isEmpty={() => false}
      empty={t('notFound')}
    >
      {(detail) => <Situation detail={detail} fresh={fresh} />}
    </LoadState>
  );
}

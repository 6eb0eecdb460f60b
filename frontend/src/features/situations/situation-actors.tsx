import type { SituationActor, SituationDetail } from '@panoramix/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { Link } from '../../ui/link.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { showToast } from '../../ui/toast.tsx';
import { ActorPicker } from './actor-picker.tsx';
import { ActorQuestions } from './actor-questions.tsx';
import { SituationNotes } from './situation-notes.tsx';
import { useAutosavedText } from './use-autosaved-text.ts';
import type { SituationOperations } from './use-situations.ts';

function ActorCard({ actor, detail, ops }: { actor: SituationActor; detail: SituationDetail; ops: SituationOperations }) {
  const { t } = useTranslation('situations');
  const [confirming, setConfirming] = useState(false);
  const role = useAutosavedText(actor.situationRole, (situationRole) =>
    ops.updateActor.mutateAsync({ actorId: actor.id, situationRole }),
  );
  const remove = () =>
    ops.removeActor.mutate(actor.id, {
      onSuccess: () => {
        setConfirming(false);
        showToast(t('actorRemoved', { name: actor.name }));
      },
    });
  return (
    <li className="situation-actor card" aria-label={actor.name}>
      <div className="situation-actor-head">
        <h3 className="situation-actor-name">
          {actor.personId ? <Link to={`/people?open=${actor.personId}`}>{actor.name}</Link> : actor.name}
          {actor.role && <span className="muted"> · {actor.role}</span>}
        </h3>
        <Button variant="ghost" onClick={() => setConfirming(true)}>
          {t('removeActor', { name: actor.name })}
        </Button>
      </div>
      <TextField
        label={t('situationRole')}
        value={role.value}
        maxLength={500}
        onChange={(event) => role.edit(event.target.value)}
        onBlur={role.flush}
        error={role.error ? t('saveFailed', { message: role.error.message }) : undefined}
      />
      <ActorQuestions
        actorId={actor.id}
        name={actor.name}
        doc={detail.questions.find((doc) => doc.actorId === actor.id)}
        putQuestions={ops.putQuestions}
      />
      <SituationNotes notes={detail.notes} actorId={actor.id} label={t('notesOf', { name: actor.name })} ops={ops} />
      {confirming && (
        <ConfirmDialog
          title={t('removeActorTitle', { name: actor.name })}
          confirmLabel={t('remove')}
          pending={ops.removeActor.isPending}
          error={ops.removeActor.error}
          onConfirm={remove}
          onClose={() => setConfirming(false)}
        >
          <p>{t('removeActorBody')}</p>
        </ConfirmDialog>
      )}
    </li>
  );
}

/** Who is involved: each actor with their role here, their questions and notes; then the form adding the next one. */
export function SituationActors({ detail, ops }: { detail: SituationDetail; ops: SituationOperations }) {
  const { t } = useTranslation('situations');
  return (
    <section className="situation-actors" aria-labelledby="situation-actors-title">
      <h2 id="situation-actors-title" className="situation-section-title">
        {t('actors')}
      </h2>
      {detail.actors.length === 0 ? (
        <p className="muted">{t('noActors')}</p>
      ) : (
        <ul className="situation-actor-list" aria-label={t('actors')}>
          {detail.actors.map((actor) => (
            <ActorCard key={actor.id} actor={actor} detail={detail} ops={ops} />
          ))}
        </ul>
      )}
      <ActorPicker addActor={ops.addActor} />
    </section>
  );
}

import type { Team } from '@panoramix/contracts';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/problem.ts';
import { Button } from '../../ui/button.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { InlineEdit } from '../../ui/inline-edit.tsx';
import { LoadState, queryState } from '../../ui/load-state.tsx';
import { SelectField } from '../../ui/select-field.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { showToast } from '../../ui/toast.tsx';
import { useTeamOperations, useTeams } from './use-people.ts';

/** Add, rename and delete teams; a team with members says where they go before it is deleted. */
export function TeamsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('people');
  const teams = useTeams();
  const { create, rename } = useTeamOperations();
  const [name, setName] = useState('');
  const [deleting, setDeleting] = useState<Team | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(name, { onSuccess: () => setName('') });
  };
  const error = create.error instanceof ApiError ? create.error : undefined;

  return (
    <Dialog label={t('teamsTitle')} onClose={onClose} className="dialog-padded teams-dialog">
      <h2 className="dialog-title">{t('teamsTitle')}</h2>
      <form className="team-form" onSubmit={submit} aria-label={t('addTeam')}>
        <TextField
          label={t('teamName')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={error?.fieldError('name')}
          required
          maxLength={100}
          data-autofocus
        />
        <Button type="submit" variant="primary" disabled={create.isPending}>
          {t('addTeam')}
        </Button>
      </form>
      <LoadState data={teams.data?.items} {...queryState(teams)} isEmpty={(items) => items.length === 0} empty={t('noTeams')}>
        {(items) => (
          <ul className="list team-list" aria-label={t('teams')}>
            {items.map((team) => (
              <li key={team.id} className="team-row">
                <InlineEdit
                  value={team.name}
                  inputLabel={t('rename', { name: team.name })}
                  onSave={(next) => rename.mutate({ id: team.id, name: next })}
                />
                <span className="muted">{t('members', { count: team.memberCount })}</span>
                <Button variant="ghost" onClick={() => setDeleting(team)} aria-label={t('deleteTeam', { name: team.name })}>
                  {t('delete')}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </LoadState>
      <div className="dialog-actions">
        <Button onClick={onClose}>{t('close')}</Button>
      </div>
      {deleting && (
        <DeleteTeam
          team={deleting}
          others={(teams.data?.items ?? []).filter((x) => x.id !== deleting.id)}
          onClose={() => setDeleting(null)}
        />
      )}
    </Dialog>
  );
}

function DeleteTeam({ team, others, onClose }: { team: Team; others: readonly Team[]; onClose: () => void }) {
  const { t } = useTranslation('people');
  const { remove } = useTeamOperations();
  // '' leaves the members without team; a team id moves them there.
  const [target, setTarget] = useState('');
  return (
    <ConfirmDialog
      title={t('deleteTeamTitle', { name: team.name })}
      pending={remove.isPending}
      error={remove.error}
      onClose={onClose}
      onConfirm={() =>
        remove.mutate(
          { id: team.id, ...(team.memberCount > 0 ? { moveTo: target || null } : {}) },
          {
            onSuccess: () => {
              showToast(t('teamDeleted'));
              onClose();
            },
          },
        )
      }
    >
      {team.memberCount > 0 && (
        <SelectField
          label={t('membersGo', { count: team.memberCount })}
          value={target}
          options={[
            { value: '', label: t('unassign') },
            ...others.map((other) => ({ value: other.id, label: `${t('moveTo')} ${other.name}` })),
          ]}
          onChange={setTarget}
        />
      )}
    </ConfirmDialog>
  );
}

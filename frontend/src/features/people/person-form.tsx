import type { PersonRecord } from '@panoramix/contracts';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/problem.ts';
import { Button } from '../../ui/button.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { DateField } from '../../ui/date-field.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { SelectField } from '../../ui/select-field.tsx';
import { TextArea } from '../../ui/text-area.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { showToast } from '../../ui/toast.tsx';
import { usePeopleOperations, usePeopleTree, useTeams } from './use-people.ts';
import type { PersonBody } from './use-people.ts';

const list = (text: string) =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
const fullName = (p: { name: string; lastName: string }) => `${p.name} ${p.lastName}`.trim();

/** What the form edits, as text; a new person starts blank. */
function draftOf(person: PersonRecord | null) {
  return {
    name: person?.name ?? '',
    lastName: person?.lastName ?? '',
    aliases: person?.aliases.join(', ') ?? '',
    role: person?.role ?? '',
    email: person?.email ?? '',
    notes: person?.notes ?? '',
    left: person?.left ?? false,
    contactOnly: person?.contactOnly ?? false,
    teamId: person?.teamId ?? '',
    subteam: person?.subteam ?? '',
    managerId: person?.managerId ?? '',
    githubUsernames: person?.githubUsernames.join(', ') ?? '',
    arrivalDate: person?.arrivalDate ?? null,
  };
}

/** Every field of a person in one dialog: new when `person` is null. */
export function PersonForm({ person, onClose }: { person: PersonRecord | null; onClose: () => void }) {
  const { t } = useTranslation('people');
  const { save, remove } = usePeopleOperations();
  const teams = useTeams();
  const everyone = usePeopleTree();
  const [draft, setDraft] = useState(() => draftOf(person));
  const [confirming, setConfirming] = useState(false);
  const arrivalId = useId();
  const set = <K extends keyof typeof draft>(key: K, value: (typeof draft)[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: PersonBody = {
      name: draft.name,
      lastName: draft.lastName,
      aliases: list(draft.aliases),
      role: draft.role,
      email: draft.email.trim(),
      notes: draft.notes,
      left: draft.left,
      contactOnly: draft.contactOnly,
      teamId: draft.teamId || null,
      subteam: draft.subteam,
      managerId: draft.managerId || null,
      githubUsernames: list(draft.githubUsernames),
      arrivalDate: draft.arrivalDate,
    };
    save.mutate(
      { id: person?.id ?? null, body },
      {
        onSuccess: () => {
          showToast(t(person ? 'saved' : 'created'));
          onClose();
        },
      },
    );
  };

  const error = save.error instanceof ApiError ? save.error : undefined;
  const field = (name: string) => error?.fieldError(name);
  const managers = (everyone.data?.items ?? []).filter((p) => p.id !== person?.id);
  const title = person ? t('editTitle', { name: fullName(person) }) : t('newTitle');
  const text = (key: 'name' | 'lastName' | 'role' | 'email' | 'subteam', label: string, extra: object = {}) => (
    <TextField label={label} value={draft[key]} onChange={(e) => set(key, e.target.value)} error={field(key)} {...extra} />
  );

  return (
    <Dialog label={title} onClose={onClose} className="dialog-padded person-dialog">
      <form onSubmit={submit} aria-label={title}>
        <h2 className="dialog-title">{title}</h2>
        <div className="person-grid">
          {text('name', t('firstName'), { required: true, maxLength: 100, 'data-autofocus': true })}
          {text('lastName', t('lastName'), { maxLength: 100 })}
          {text('role', t('role'), { maxLength: 200 })}
          {text('email', t('email'), { type: 'email' })}
          <TextField
            label={t('aliases')}
            hint={t('aliasesHint')}
            value={draft.aliases}
            onChange={(e) => set('aliases', e.target.value)}
            error={field('aliases')}
          />
          <TextField
            label={t('github')}
            hint={t('githubHint')}
            value={draft.githubUsernames}
            onChange={(e) => set('githubUsernames', e.target.value)}
            error={field('githubUsernames')}
          />
          <SelectField
            label={t('team')}
            value={draft.teamId}
            options={[
              { value: '', label: t('noTeam') },
              ...(teams.data?.items ?? []).map((team) => ({ value: team.id, label: team.name })),
            ]}
            onChange={(value) => set('teamId', value)}
          />
          {text('subteam', t('subteam'), { maxLength: 100 })}
          <SelectField
            label={t('manager')}
            value={draft.managerId}
            options={[{ value: '', label: t('noManager') }, ...managers.map((p) => ({ value: p.id, label: fullName(p) }))]}
            onChange={(value) => set('managerId', value)}
          />
          <div className="field">
            <label className="field-label" htmlFor={arrivalId}>
              {t('arrival')}
            </label>
            <DateField id={arrivalId} value={draft.arrivalDate} onChange={(value) => set('arrivalDate', value)} />
          </div>
        </div>
        {field('managerId') && (
          <p className="form-error" role="alert">
            {field('managerId')}
          </p>
        )}
        <div className="person-flags">
          <label className="check">
            <input type="checkbox" checked={draft.left} onChange={(e) => set('left', e.target.checked)} /> {t('leftField')}
          </label>
          <label className="check">
            <input type="checkbox" checked={draft.contactOnly} onChange={(e) => set('contactOnly', e.target.checked)} />{' '}
            {t('contactField')}
          </label>
        </div>
        <TextArea label={t('notes')} value={draft.notes} onChange={(e) => set('notes', e.target.value)} rows={4} />
        {save.error && !error?.problem?.errors && (
          <p className="form-error" role="alert">
            {save.error.message}
          </p>
        )}
        <div className="dialog-actions">
          {person && (
            <Button variant="danger" onClick={() => setConfirming(true)}>
              {t('delete')}
            </Button>
          )}
          <Button onClick={onClose}>{t('cancel')}</Button>
          <Button type="submit" variant="primary" disabled={save.isPending}>
            {person ? t('save') : t('create')}
          </Button>
        </div>
      </form>
      {confirming && person && (
        <ConfirmDialog
          title={t('delete')}
          pending={remove.isPending}
          error={remove.error}
          onClose={() => setConfirming(false)}
          onConfirm={() =>
            remove.mutate(person.id, {
              onSuccess: () => {
                showToast(t('deleted'));
                onClose();
              },
            })
          }
        >
          <p>{t('confirmDelete', { name: fullName(person) })}</p>
        </ConfirmDialog>
      )}
    </Dialog>
  );
}

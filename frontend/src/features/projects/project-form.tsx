import type { Project } from '@panoramix/contracts';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/problem.ts';
import { fromDateInput, toDateInput } from '../../lib/date-input.ts';
import { Button } from '../../ui/button.tsx';
import { SelectField } from '../../ui/select-field.tsx';
import { TextArea } from '../../ui/text-area.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { showToast } from '../../ui/toast.tsx';
import { ColorChoice } from './color-choice.tsx';
import { useProjectOperations } from './use-projects.ts';

const flags = ['', 'red', 'orange', 'green'] as const;

type Draft = Pick<Project, 'name' | 'description' | 'status' | 'healthFlag' | 'colorLabel' | 'isFavorite'> & { target: string };

const draftOf = (project?: Project): Draft => ({
  name: project?.name ?? '',
  description: project?.description ?? '',
  status: project?.status ?? '',
  healthFlag: project?.healthFlag ?? null,
  colorLabel: project?.colorLabel ?? null,
  isFavorite: project?.isFavorite ?? false,
  target: toDateInput(project?.targetDate ?? null),
});

/** Creates a project, or edits one; `onDone` closes the dialog that holds the form. */
export function ProjectForm({ project, onDone }: { project?: Project | undefined; onDone: () => void }) {
  const { t } = useTranslation('projects');
  const { t: tc } = useTranslation();
  const { create, update } = useProjectOperations();
  const [draft, setDraft] = useState(() => draftOf(project));
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const mutation = project ? update : create;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { target, ...fields } = draft;
    const body = {
      ...fields,
      targetDate: fromDateInput(target),
      favoriteRank: fields.isFavorite ? (project?.favoriteRank ?? Date.now()) : null,
    };
    const onSuccess = () => {
      showToast(t(project ? 'saved' : 'created'));
      onDone();
    };
    if (project) update.mutate({ id: project.id, ...body }, { onSuccess });
    else create.mutate(body, { onSuccess });
  };

  const error = mutation.error instanceof ApiError ? mutation.error : undefined;
  return (
    <form className="project-form" onSubmit={submit}>
      <TextField
        label={t('name')}
        value={draft.name}
        onChange={(e) => set('name', e.target.value)}
        error={error?.fieldError('name')}
        required
        maxLength={200}
        data-autofocus
      />
      <TextArea
        label={t('description')}
        value={draft.description}
        onChange={(e) => set('description', e.target.value)}
        rows={3}
      />
      <div className="project-form-row">
        <TextField
          label={t('status')}
          hint={t('statusHint')}
          value={draft.status}
          onChange={(e) => set('status', e.target.value)}
          maxLength={100}
        />
        <TextField label={t('targetDate')} type="date" value={draft.target} onChange={(e) => set('target', e.target.value)} />
        <SelectField
          label={t('health')}
          value={draft.healthFlag ?? ''}
          options={flags.map((flag) => ({ value: flag, label: tc(`projects.healthFlags.${flag || 'none'}`) }))}
          onChange={(value) => set('healthFlag', value ? (value as Project['healthFlag']) : null)}
        />
      </div>
      <ColorChoice value={draft.colorLabel} onChange={(color) => set('colorLabel', color)} />
      <label className="check">
        <input type="checkbox" checked={draft.isFavorite} onChange={(e) => set('isFavorite', e.target.checked)} />
        {t('favorite')}
      </label>
      {mutation.error && !error?.problem?.errors && (
        <p className="form-error" role="alert">
          {mutation.error.message}
        </p>
      )}
      <div className="dialog-actions">
        <Button onClick={onDone}>{tc('ui.cancel')}</Button>
        <Button type="submit" variant="primary" disabled={mutation.isPending}>
          {t(project ? 'save' : 'create')}
        </Button>
      </div>
    </form>
  );
}

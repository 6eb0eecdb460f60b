import type { Project } from '@panoramix/contracts';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/problem.ts';
import { navigate } from '../../lib/location.ts';
import { Button } from '../../ui/button.tsx';
import { DateField } from '../../ui/date-field.tsx';
import { SelectField } from '../../ui/select-field.tsx';
import { TextArea } from '../../ui/text-area.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { showToast } from '../../ui/toast.tsx';
import { projectPath } from '../../ui/project-chips.tsx';
import { ColorChoice } from './color-choice.tsx';
import { useProjectOperations } from './use-projects.ts';

const flags = ['', 'red', 'orange', 'green'] as const;

type Draft = Pick<Project, 'name' | 'description' | 'status' | 'healthFlag' | 'colorLabel' | 'isFavorite' | 'targetDate'>;

const empty: Draft = {
  name: '',
  description: '',
  status: '',
  healthFlag: null,
  colorLabel: null,
  isFavorite: false,
  targetDate: null,
};

/** Creates a project and opens its page (where everything is edited afterwards); `onCancel` closes the dialog. */
export function ProjectForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation('projects');
  const { t: tc } = useTranslation();
  const { create } = useProjectOperations();
  const [draft, setDraft] = useState(empty);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = { ...draft, favoriteRank: draft.isFavorite ? Date.now() : null };
    create.mutate(body, {
      onSuccess: (project) => {
        showToast(t('created'));
        navigate(projectPath(project.id), { replace: true });
      },
    });
  };

  const error = create.error instanceof ApiError ? create.error : undefined;
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
        <div className="field">
          <span className="field-label">{t('targetDate')}</span>
          <DateField
            aria-label={t('targetDate')}
            placeholder={t('datePlaceholder')}
            value={draft.targetDate}
            onChange={(targetDate) => set('targetDate', targetDate)}
          />
        </div>
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
      {create.error && !error?.problem?.errors && (
        <p className="form-error" role="alert">
          {create.error.message}
        </p>
      )}
      <div className="dialog-actions">
        <Button onClick={onCancel}>{tc('ui.cancel')}</Button>
        <Button type="submit" variant="primary" disabled={create.isPending}>
          {t('create')}
        </Button>
      </div>
    </form>
  );
}

import type { ImportedTask } from '@panoramix/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePreferences } from '../../api/preferences-store.ts';
import { useProjects } from '../../api/projects.ts';
import { useLocation } from '../../lib/location.ts';
import { Button } from '../../ui/button.tsx';
import { DateField } from '../../ui/date-field.tsx';
import { showToast } from '../../ui/toast.tsx';
import { TextArea } from '../../ui/text-area.tsx';
import { deviceZone } from './use-reporting.ts';
import type { useReportingOperations } from './use-reporting.ts';

type Operations = ReturnType<typeof useReportingOperations>;
interface Row extends ImportedTask {
  keep: boolean;
}

/**
 * *Importer des tâches*: free text → the model's tasks → a review list (edit, uncheck) → create.
 * Nothing is written before "Créer": the server checks the whole list before its first write.
 */
export function ImportTasks({
  analyze,
  create,
  modelMissing,
}: Pick<Operations, 'analyze' | 'create'> & { modelMissing: boolean }) {
  const { t } = useTranslation('reporting');
  const { timeZone } = usePreferences();
  const projects = useProjects();
  const { search } = useLocation();
  const area = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState('');
  const [rows, setRows] = useState<Row[]>();

  // `?import` (the palette's command) brings the user straight to the text.
  useEffect(() => {
    if (new URLSearchParams(search).has('import')) area.current?.focus();
  }, [search]);

  const propose = () =>
    analyze.mutate(
      { text, timeZone: timeZone ?? deviceZone() },
      { onSuccess: ({ tasks }) => setRows(tasks.map((task) => ({ ...task, keep: true }))) },
    );
  const kept = rows?.filter((row) => row.keep) ?? [];
  const submit = () =>
    create.mutate(
      kept.map(({ keep: _keep, ...task }) => task),
      {
        onSuccess: ({ tasks }) => {
          showToast(t('created', { count: tasks.length }));
          setRows(undefined);
          setText('');
        },
      },
    );
  const edit = (index: number, change: Partial<Row>) =>
    setRows((current) => current?.map((row, i) => (i === index ? { ...row, ...change } : row)));

  const projectOptions = (row: Row) => [
    { value: '', label: row.newProject ? t('newProject', { name: row.newProject }) : '—' },
    ...(projects.data?.items ?? []).map((p) => ({ value: p.id, label: p.name })),
  ];

  return (
    <section aria-labelledby="reporting-import" className="reporting-section">
      <h2 id="reporting-import">{t('importTitle')}</h2>
      <p className="muted">{t('importIntro')}</p>
      <TextArea
        ref={area}
        label={t('importText')}
        rows={5}
        maxLength={20_000}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <Button onClick={propose} disabled={modelMissing || !text.trim() || analyze.isPending} aria-busy={analyze.isPending}>
        {analyze.isPending ? t('analyzing') : t('analyze')}
      </Button>
      {analyze.error && (
        <p className="form-error" role="alert">
          {analyze.error.message}
        </p>
      )}
      {rows && rows.length === 0 && <p className="muted">{t('noTaskFound')}</p>}
      {rows && rows.length > 0 && (
        <>
          <h3>{t('review')}</h3>
          <ul className="import-rows" aria-label={t('review')}>
            {rows.map((row, index) => (
              <li key={index} className="import-row">
                <input
                  type="checkbox"
                  checked={row.keep}
                  aria-label={t('keep', { title: row.title })}
                  onChange={(e) => edit(index, { keep: e.target.checked })}
                />
                <div className="import-fields">
                  <input
                    className="input"
                    aria-label={t('taskTitle')}
                    value={row.title}
                    maxLength={500}
                    onChange={(e) => edit(index, { title: e.target.value })}
                  />
                  <input
                    className="input"
                    aria-label={t('taskNotes')}
                    value={row.notes}
                    onChange={(e) => edit(index, { notes: e.target.value })}
                  />
                  <DateField
                    className="input"
                    aria-label={t('deadline')}
                    value={row.deadline}
                    onChange={(deadline) => edit(index, { deadline })}
                  />
                  <select
                    className="select"
                    aria-label={t('project')}
                    value={row.projectId ?? ''}
                    onChange={(e) => edit(index, { projectId: e.target.value || null })}
                  >
                    {projectOptions(row).map((option) => (
                      <option key={option.value} value={option.value}>
                        {option.label}
                      </option>
                    ))}
                  </select>
                </div>
              </li>
            ))}
          </ul>
          {create.error && (
            <p className="form-error" role="alert">
              {create.error.message}
            </p>
          )}
          <Button
            variant="primary"
            onClick={submit}
            disabled={kept.length === 0 || kept.some((row) => !row.title.trim()) || create.isPending}
          >
            {t('create', { count: kept.length })}
          </Button>
        </>
      )}
    </section>
  );
}

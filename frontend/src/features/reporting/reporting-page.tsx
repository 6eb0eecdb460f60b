import type { ReportWindow } from '@panoramix/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguageModel } from '../../api/ai-status.ts';
import { usePreferences } from '../../api/preferences-store.ts';
import { useProjectIndex, useProjects } from '../../api/projects.ts';
import { Button } from '../../ui/button.tsx';
import { ChoiceGroup } from '../../ui/choice-group.tsx';
import { useFormat } from '../../ui/format.ts';
import { LoadState, queryState } from '../../ui/load-state.tsx';
import { Markdown } from '../../ui/markdown.tsx';
import { Page } from '../../ui/page.tsx';
import { SelectField } from '../../ui/select-field.tsx';
import { TextArea } from '../../ui/text-area.tsx';
import { ImportTasks } from './import-tasks.tsx';
import { deviceZone, useActivity, useReportingOperations } from './use-reporting.ts';
import type { ProjectFilter } from './use-reporting.ts';
import './messages.ts';
import './reporting.css';

// The contracts' `reportWindows`, kept here rather than shipped with the build-time constants: the
// `satisfies` fails type-checking when the contracts add or drop a window.
const windowsShown = { '24h': 0, '72h': 1, '7d': 2, '3w': 3, all: 4 } satisfies Record<ReportWindow, number>;
const reportWindows = Object.keys(windowsShown) as ReportWindow[];

/** The Rapport tab: a window's activity among my projects, its report written by the model, and *Importer des tâches*. */
export default function ReportingPage() {
  const { t } = useTranslation(['reporting', 'translation']);
  const format = useFormat();
  const { timeZone } = usePreferences();
  const model = useLanguageModel('chat');
  const projects = useProjects();
  const projectIndex = useProjectIndex();
  const [window, setWindow] = useState<ReportWindow>('24h');
  const [filter, setFilter] = useState<ProjectFilter>('');
  const [prompt, setPrompt] = useState('');
  const activity = useActivity(window, filter);
  const { summary, analyze, create } = useReportingOperations();

  const projectOptions = [
    { value: '', label: t('allProjects') },
    ...(projects.data?.items ?? []).flatMap((p) => [
      { value: `in:${p.id}`, label: t('onlyProject', { name: p.name }) },
      { value: `out:${p.id}`, label: t('withoutProject', { name: p.name }) },
    ]),
  ];

  return (
    <Page titleId="reporting-title" title={t('translation:reporting.title')} intro={t('intro')} className="reporting-page">
      <div className="reporting-filters">
        <ChoiceGroup
          legend={t('window')}
          value={window}
          options={reportWindows.map((w) => ({ value: w, label: t(`windows.${w}`) }))}
          onChange={setWindow}
        />
        <SelectField
          label={t('projects')}
          value={filter}
          options={projectOptions}
          onChange={(v) => setFilter(v as ProjectFilter)}
        />
      </div>

      <section aria-labelledby="reporting-activity" className="reporting-section">
        <h2 id="reporting-activity">{t('activity')}</h2>
        <LoadState
          data={activity.data}
          {...queryState(activity)}
          isEmpty={(report) => report.items.length === 0}
          empty={<p className="muted list-state">{t('empty')}</p>}
        >
          {(report) => (
            <>
              <ul className="reporting-items" aria-label={t('activity')}>
                {report.items.map((item) => (
                  <li key={`${item.kind}:${item.id}`} className="reporting-item">
                    <span className={`reporting-kind reporting-kind-${item.kind.replace('.', '-')}`}>
                      {t(`kinds.${item.kind}`)}
                    </span>
                    <span className="reporting-title">{item.title}</span>
                    <span className="muted">
                      {item.projectId ? (projectIndex.get(item.projectId)?.name ?? '') : t('noProject')}
                    </span>
                    <time className="muted" dateTime={item.at}>
                      {format.dateTime(item.at)}
                    </time>
                  </li>
                ))}
              </ul>
              {report.truncated && <p className="muted">{t('truncated', { count: report.items.length })}</p>}
            </>
          )}
        </LoadState>
      </section>

      <section aria-labelledby="reporting-report" className="reporting-section">
        <h2 id="reporting-report">{t('report')}</h2>
        <TextArea label={t('prompt')} rows={2} maxLength={2000} value={prompt} onChange={(e) => setPrompt(e.target.value)} />
        <Button
          onClick={() => summary.mutate({ window, filter, prompt, timeZone: timeZone ?? deviceZone() })}
          disabled={model === false || summary.isPending}
          aria-busy={summary.isPending}
        >
          {summary.isPending ? t('summarizing') : t('summarize')}
        </Button>
        {model === false && <p className="muted">{t('noModel')}</p>}
        {summary.error && (
          <p className="form-error" role="alert">
            {summary.error.message}
          </p>
        )}
        {summary.data &&
          (summary.data.itemCount === 0 ? (
            <p className="muted">{t('empty')}</p>
          ) : (
            <div className="reporting-markdown">
              <Markdown source={summary.data.markdown} />
            </div>
          ))}
      </section>

      <ImportTasks analyze={analyze} create={create} modelMissing={model === false} />
    </Page>
  );
}

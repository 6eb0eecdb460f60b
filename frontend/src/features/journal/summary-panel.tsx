import type { JournalSuggestion, JournalSummary } from '@panoramix/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguageModel } from '../../api/ai-status.ts';
import { usePreferences } from '../../api/preferences-store.ts';
import { Button } from '../../ui/button.tsx';
import { Markdown } from '../../ui/markdown.tsx';
import { SelectField } from '../../ui/select-field.tsx';
import { showToast } from '../../ui/toast.tsx';
import type { JournalOperations } from './use-journal.ts';

const HOURS = [1, 2, 4, 8, 24, 72, 168] as const;

const deviceZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * *Résumer les N dernières heures*: the model's summary by subject, then its suggested tasks, each
 * checked by default; creating the checked ones twice creates them once (the server decides).
 */
export function SummaryPanel({ operations }: { operations: JournalOperations }) {
  const { t } = useTranslation('journal');
  const { timeZone } = usePreferences();
  const model = useLanguageModel('chat');
  const [hours, setHours] = useState<number>(8);
  const [result, setResult] = useState<JournalSummary>();
  const [unchecked, setUnchecked] = useState<ReadonlySet<number>>(new Set());
  const { summarize, accept } = operations;

  const run = () =>
    summarize.mutate(
      { hours, timeZone: timeZone ?? deviceZone() },
      {
        onSuccess: (summary) => {
          setResult(summary);
          setUnchecked(new Set());
        },
      },
    );
  const chosen: JournalSuggestion[] = result?.suggestions.filter((_, i) => !unchecked.has(i)) ?? [];
  const create = () =>
    accept.mutate(chosen, {
      onSuccess: ({ created, duplicates }) => {
        if (created.length > 0) showToast(t('accepted', { count: created.length }));
        if (duplicates > 0) showToast(t('alreadyCreated', { count: duplicates }));
        setResult((current) => current && { ...current, suggestions: [] });
      },
    });
  const toggle = (index: number) =>
    setUnchecked((current) => {
      const next = new Set(current);
      if (!next.delete(index)) next.add(index);
      return next;
    });

  return (
    <section className="journal-summary" aria-labelledby="journal-summary-title">
      <h2 id="journal-summary-title" className="journal-summary-title">
        {t('summaryTitle')}
      </h2>
      <div className="journal-summary-controls">
        <SelectField
          label={t('hours')}
          value={String(hours)}
          options={HOURS.map((h) => ({ value: String(h), label: t('hoursOption', { count: h }) }))}
          onChange={(value) => setHours(Number(value))}
        />
        <Button onClick={run} disabled={model === false || summarize.isPending} aria-busy={summarize.isPending}>
          {summarize.isPending ? t('summarizing') : t('summarize', { count: hours })}
        </Button>
      </div>
      {model === false && <p className="muted">{t('noModel')}</p>}
      {summarize.error && (
        <p className="form-error" role="alert">
          {summarize.error.message}
        </p>
      )}
      {result && result.entryCount === 0 && <p className="muted">{t('nothingInWindow')}</p>}
      {result && result.entryCount > 0 && (
        <div className="journal-summary-result">
          <Markdown source={result.summary} />
          <h3>{t('suggestions')}</h3>
          {result.suggestions.length === 0 ? (
            <p className="muted">{t('noSuggestion')}</p>
          ) : (
            <>
              <ul className="journal-suggestions">
                {result.suggestions.map((suggestion, index) => (
                  <li key={index}>
                    <label className="journal-suggestion">
                      <input
                        type="checkbox"
                        checked={!unchecked.has(index)}
                        onChange={() => toggle(index)}
                        aria-label={t('selectSuggestion', { title: suggestion.title })}
                      />
                      <span>
                        <strong>{suggestion.title}</strong>
                        {suggestion.notes && <span className="muted"> — {suggestion.notes}</span>}
                        <span className="muted journal-sources">
                          {t('suggestionSources', { count: suggestion.entryIds.length })}
                        </span>
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
              {accept.error && (
                <p className="form-error" role="alert">
                  {accept.error.message}
                </p>
              )}
              <Button variant="primary" onClick={create} disabled={chosen.length === 0 || accept.isPending}>
                {t('acceptSelected', { count: chosen.length })}
              </Button>
            </>
          )}
        </div>
      )}
    </section>
  );
}

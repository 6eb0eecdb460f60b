import type { SituationSummary as Summary } from '@panoramix/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button.tsx';
import { useFormat } from '../../ui/format.ts';
import { Markdown } from '../../ui/markdown.tsx';
import { TextArea } from '../../ui/text-area.tsx';
import { useAutosavedText } from './use-autosaved-text.ts';
import type { SituationOperations } from './use-situations.ts';

/** The summary and action plan, as the AI wrote it or as I rewrote it (saved as typing pauses). */
export function SituationSummary({
  summary,
  putSummary,
}: {
  summary: Summary | null;
  putSummary: SituationOperations['putSummary'];
}) {
  const { t } = useTranslation('situations');
  const format = useFormat();
  const [editing, setEditing] = useState(false);
  const text = useAutosavedText(summary?.text ?? '', (next) => putSummary.mutateAsync(next));
  return (
    <section className="situation-summary card" aria-labelledby="situation-summary-title">
      <div className="situation-actor-head">
        <h2 id="situation-summary-title" className="situation-section-title">
          {t('summary')}
        </h2>
        {summary && (
          <Button variant="ghost" onClick={() => setEditing(!editing)} aria-pressed={editing}>
            {t('editSummary')}
          </Button>
        )}
      </div>
      {editing ? (
        <TextArea
          label={t('summaryText')}
          value={text.value}
          onChange={(e) => text.edit(e.target.value)}
          onBlur={text.flush}
          rows={12}
        />
      ) : summary ? (
        <div className="situation-summary-text" data-testid="situation-summary">
          <Markdown source={summary.text} />
        </div>
      ) : (
        <p className="muted">{t('noSummary')}</p>
      )}
      {summary && (
        <span className="muted" role="status">
          {text.saving
            ? t('saving')
            : text.error
              ? t('saveFailed', { message: text.error.message })
              : t('summaryAt', { date: format.dateTime(summary.updatedAt) })}
        </span>
      )}
    </section>
  );
}

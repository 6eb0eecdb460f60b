import type { BudgetImport } from '@panoramix/contracts';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button.tsx';
import { ImportMapping } from './import-mapping.tsx';
import { isRunning, useImportOperations } from './import-queries.ts';
import { ImportReport } from './import-report.tsx';

/** The open import at the step its status says: mapping, progress, or report. */
export function ImportStep({ doc, onDone }: { doc: BudgetImport; onDone: () => void }) {
  const { t } = useTranslation('budget');
  const { apply } = useImportOperations();
  return (
    <div className="import-step">
      <p className="import-file">
        <strong>{doc.fileName}</strong> <span className="muted">{t(`import.status.${doc.status}`)}</span>
      </p>
      {(doc.status === 'preview' || doc.status === 'failed') && (
        <>
          {doc.error && (
            <p className="form-error" role="alert">
              {t('import.failed', { error: doc.error })}
            </p>
          )}
          <ImportMapping
            doc={doc}
            pending={apply.isPending}
            error={apply.error}
            onApply={(options) => apply.mutate({ id: doc.id, options })}
          />
        </>
      )}
      {isRunning(doc.status) && <ImportProgress doc={doc} />}
      {(doc.status === 'done' || doc.status === 'undone') && <ImportReport doc={doc} />}
      <Button variant="ghost" onClick={onDone}>
        {isRunning(doc.status) || doc.status === 'preview' ? t('import.another') : t('import.close')}
      </Button>
    </div>
  );
}

function ImportProgress({ doc }: { doc: BudgetImport }) {
  const { t } = useTranslation('budget');
  const { done, total } = doc.progress;
  return (
    <div className="import-progress" role="status">
      <progress value={done} max={Math.max(total, 1)} aria-label={t('import.progressLabel')} />
      <span>{t('import.progress', { done, total })}</span>
    </div>
  );
}

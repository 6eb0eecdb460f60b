import type { BudgetImport } from '@panoramix/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { useImportOperations } from './import-queries.ts';

type Report = NonNullable<BudgetImport['report']>;
const sampleKinds = ['duplicates', 'ignored', 'unparseable'] as const;

/** What the import did: counts, samples of each line left out, and "Annuler l'import". */
export function ImportReport({ doc }: { doc: BudgetImport }) {
  const { t } = useTranslation('budget');
  const report = doc.report;
  return (
    <div className="import-report">
      {doc.status === 'undone' && (
        <p role="status" className="import-undone">
          {t('import.undone')}
        </p>
      )}
      {report && (
        <>
          <ul className="import-counts" aria-label={t('import.report')}>
            <li>{t('import.counts.imported', { count: report.imported })}</li>
            {report.reconciled > 0 && <li>{t('import.counts.reconciled', { count: report.reconciled })}</li>}
            <li>{t('import.counts.duplicates', { count: report.duplicates })}</li>
            {report.ignored > 0 && <li>{t('import.counts.ignored', { count: report.ignored })}</li>}
            <li>{t('import.counts.unparseable', { count: report.unparseable })}</li>
          </ul>
          {sampleKinds.map((kind) => (
            <Samples key={kind} kind={kind} samples={report.samples[kind]} />
          ))}
        </>
      )}
      {doc.status === 'done' && <UndoImport doc={doc} />}
    </div>
  );
}

function Samples({ kind, samples }: { kind: (typeof sampleKinds)[number]; samples: Report['samples'][typeof kind] }) {
  const { t } = useTranslation('budget');
  if (samples.length === 0) return null;
  return (
    <details className="import-samples">
      <summary>{t(`import.samples.${kind}`)}</summary>
      <ul>
        {samples.map((sample) => (
          <li key={sample.row}>
            <span className="muted">{t('import.row', { row: sample.row })}</span> <code>{sample.text}</code>{' '}
            <span className="muted">{sample.reason}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}

export function UndoImport({ doc }: { doc: BudgetImport }) {
  const { t } = useTranslation('budget');
  const { undo } = useImportOperations();
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <Button variant="danger" onClick={() => setConfirming(true)}>
        {t('import.undo')}
      </Button>
      {confirming && (
        <ConfirmDialog
          title={t('import.undoTitle', { file: doc.fileName })}
          confirmLabel={t('import.undo')}
          pending={undo.isPending}
          error={undo.error}
          onConfirm={() => undo.mutate(doc.id, { onSuccess: () => setConfirming(false) })}
          onClose={() => setConfirming(false)}
        >
          <p>{t('import.undoText', { count: (doc.report?.imported ?? 0) + (doc.report?.reconciled ?? 0) })}</p>
        </ConfirmDialog>
      )}
    </>
  );
}

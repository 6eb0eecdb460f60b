import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ImportDrop } from './import-drop.tsx';
import { ImportHistory } from './import-history.tsx';
import { useImport, useImportOperations } from './import-queries.ts';
import { ImportStep } from './import-step.tsx';
import './import-wizard.css';

/** Import: drop a file → preview and mapping → apply → live progress → report → undo; past imports below. */
export default function ImportWizard() {
  const { t } = useTranslation('budget');
  const [currentId, setCurrentId] = useState<string | null>(null);
  const { upload } = useImportOperations();
  const current = useImport(currentId).data;
  return (
    <section className="budget-import" aria-labelledby="budget-import-title">
      <h2 id="budget-import-title" className="budget-section-title">
        {t('import.title')}
      </h2>
      {current ? (
        <ImportStep doc={current} onDone={() => setCurrentId(null)} />
      ) : (
        <ImportDrop
          pending={upload.isPending}
          error={upload.error}
          onFile={(file) => upload.mutate(file, { onSuccess: (doc) => setCurrentId(doc.id) })}
        />
      )}
      <ImportHistory currentId={currentId} onOpen={setCurrentId} />
    </section>
  );
}

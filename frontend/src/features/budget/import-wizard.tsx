import { useTranslation } from 'react-i18next';
import { navigate, useLocation } from '../../lib/location.ts';
import { ImportDrop } from './import-drop.tsx';
import { ImportHistory } from './import-history.tsx';
import { useImport, useImportOperations } from './import-queries.ts';
import { ImportStep } from './import-step.tsx';
import './import-wizard.css';

/** Import: drop a file → preview and mapping → apply → live progress → report → undo; past imports below. */
export default function ImportWizard() {
  const { t } = useTranslation('budget');
  // The open import is in the address (`?import=<id>`): a reload during a long import finds it again.
  const currentId = new URLSearchParams(useLocation().search).get('import');
  const setCurrentId = (id: string | null) => navigate(id ? `/budget/import?import=${id}` : '/budget/import');
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

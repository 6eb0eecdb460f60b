import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button.tsx';
import { useImports } from './import-queries.ts';
import { UndoImport } from './import-report.tsx';

/** Past imports, newest first, with their state; a finished one can be opened or undone from here. */
export function ImportHistory({ currentId, onOpen }: { currentId: string | null; onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation('budget');
  const imports = useImports().data?.items ?? [];
  if (imports.length === 0) return null;
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section className="import-history" aria-labelledby="budget-import-history">
      <h3 id="budget-import-history">{t('import.history')}</h3>
      <ul>
        {imports.map((doc) => (
          <li key={doc.id} aria-current={doc.id === currentId ? 'true' : undefined}>
            <Button variant="ghost" onClick={() => onOpen(doc.id)}>
              {doc.fileName}
            </Button>
            <span className="muted">{when.format(new Date(doc.createdAt))}</span>
            <span className={`import-state import-state-${doc.status}`}>{t(`import.status.${doc.status}`)}</span>
            {doc.report && <span className="muted">{t('import.counts.imported', { count: doc.report.imported })}</span>}
            {doc.status === 'done' && doc.id !== currentId && <UndoImport doc={doc} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

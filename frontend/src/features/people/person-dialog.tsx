import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { PersonForm } from './person-form.tsx';
import { usePerson } from './use-people.ts';

/** The person at `?open=<id>` (read fresh, so a link from search or a mention opens it), or a new one. */
export function PersonDialog({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation('people');
  const person = usePerson(id);
  if (id === null) return <PersonForm person={null} onClose={onClose} />;
  if (person.data) return <PersonForm key={person.data.updatedAt} person={person.data} onClose={onClose} />;
  return (
    <Dialog label={t('title')} onClose={onClose} className="dialog-padded">
      {person.error ? (
        <p role="alert" className="form-error">
          {t('loadError')}
        </p>
      ) : (
        <p role="status" className="muted">
          <span className="spinner" aria-hidden="true" />
        </p>
      )}
      <div className="dialog-actions">
        <Button onClick={onClose}>{t('close')}</Button>
      </div>
    </Dialog>
  );
}

import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button.tsx';

const ACCEPTED = '.csv,.tsv,.txt,.xlsx,.ofx,.qfx,.qif,.xml';

/** Where a bank or spreadsheet file is dropped (or picked); the server says what it can read of it. */
export function ImportDrop({ onFile, pending, error }: { onFile: (file: File) => void; pending: boolean; error: Error | null }) {
  const { t } = useTranslation('budget');
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  return (
    <div
      className={`import-drop${over ? ' import-drop-over' : ''}`}
      data-testid="budget-import-drop"
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        const file = event.dataTransfer.files[0];
        if (file) onFile(file);
      }}
    >
      <p>{t('import.dropHint')}</p>
      <p className="muted">{t('import.formats')}</p>
      <input
        ref={input}
        type="file"
        accept={ACCEPTED}
        hidden
        data-testid="budget-import-file"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) onFile(file);
          event.target.value = '';
        }}
      />
      <Button variant="primary" onClick={() => input.current?.click()} disabled={pending}>
        {pending ? t('import.reading') : t('import.choose')}
      </Button>
      {error && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
    </div>
  );
}

import type { ImportSummary } from '@panoramix/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { showToast } from '../../ui/toast.tsx';
import { peopleKeys } from './people-cache.ts';
import { sendCsv } from './use-people.ts';

const SHOWN_ROWS = 200;

/** Choose a Google Workspace CSV, see what it would do row by row, then import it. */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('people');
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const preview = useMutation({ mutationFn: (chosen: File) => sendCsv('previewImport', chosen) });
  const apply = useMutation({
    mutationFn: (chosen: File) => sendCsv('applyImport', chosen),
    onSuccess: (summary) => {
      void queryClient.invalidateQueries({ queryKey: peopleKeys.all });
      void queryClient.invalidateQueries({ queryKey: peopleKeys.teams });
      showToast(t('appliedSummary', summary));
      onClose();
    },
  });
  const choose = (chosen: File | undefined) => {
    if (!chosen) return;
    setFile(chosen);
    apply.reset();
    preview.mutate(chosen);
  };
  const summary = preview.data;
  const failure = preview.error ?? apply.error;

  return (
    <Dialog label={t('importTitle')} onClose={onClose} className="dialog-padded import-dialog">
      <h2 className="dialog-title">{t('importTitle')}</h2>
      <p className="muted">{t('importHint')}</p>
      <input
        ref={input}
        type="file"
        accept=".csv,text/csv"
        hidden
        data-testid="people-import-file"
        onChange={(event) => {
          choose(event.target.files?.[0]);
          event.target.value = '';
        }}
      />
      <Button onClick={() => input.current?.click()} data-autofocus>
        {t('chooseFile')}
      </Button>
      {file && <span className="muted import-file"> {file.name}</span>}
      {preview.isPending && (
        <p role="status" className="muted">
          {t('previewing')}
        </p>
      )}
      {failure && (
        <p className="form-error" role="alert">
          {failure.message}
        </p>
      )}
      {summary && <ImportPreview summary={summary} />}
      <div className="dialog-actions">
        <Button onClick={onClose}>{t('cancel')}</Button>
        <Button
          variant="primary"
          disabled={!summary || !file || apply.isPending || summary.inserted + summary.updated === 0}
          onClick={() => file && apply.mutate(file)}
        >
          {apply.isPending ? t('applying') : t('apply')}
        </Button>
      </div>
    </Dialog>
  );
}

function ImportPreview({ summary }: { summary: ImportSummary }) {
  const { t } = useTranslation('people');
  const rest = summary.rows.length - SHOWN_ROWS;
  return (
    <>
      <p role="status" className="import-summary">
        {t('previewSummary', summary)} <span className="muted">{t('encoding', { encoding: summary.encoding })}</span>
      </p>
      <div className="import-table-wrap">
        <table className="import-table">
          <thead>
            <tr>
              <th scope="col">{t('line')}</th>
              <th scope="col">{t('firstName')}</th>
              <th scope="col">{t('lastName')}</th>
              <th scope="col">{t('email')}</th>
              <th scope="col">{t('action')}</th>
            </tr>
          </thead>
          <tbody>
            {summary.rows.slice(0, SHOWN_ROWS).map((row) => (
              <tr key={row.line} className={`import-${row.action}`}>
                <td>{row.line}</td>
                <td>{row.name}</td>
                <td>{row.lastName}</td>
                <td>{row.email}</td>
                <td>
                  {t(`actions.${row.action}`)}
                  {row.reason && <span className="muted"> ({t(`reasons.${row.reason}`)})</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rest > 0 && <p className="muted">{t('moreRows', { count: rest })}</p>}
    </>
  );
}

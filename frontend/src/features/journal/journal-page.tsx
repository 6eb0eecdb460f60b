import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { LoadMore } from '../../ui/load-more.tsx';
import { LoadState, queryState } from '../../ui/load-state.tsx';
import { Page } from '../../ui/page.tsx';
import { showToast } from '../../ui/toast.tsx';
import { useKeyShortcuts } from '../../ui/use-key-shortcuts.ts';
import { useQuickEntry } from '../../ui/use-quick-entry.ts';
import { JournalList } from './journal-list.tsx';
import { SummaryPanel } from './summary-panel.tsx';
import { useJournal, useJournalOperations } from './use-journal.ts';
import './journal.css';
import './messages.ts';

/** The Journal tab: a quick entry that keeps the focus for the next line, the lines by day and hour, the summary. */
export default function JournalPage() {
  const { t } = useTranslation(['journal', 'translation']);
  const journal = useJournal();
  const operations = useJournalOperations();
  const input = useRef<HTMLInputElement>(null);
  const entry = useQuickEntry((content) => operations.create.mutateAsync({ content }));
  const [confirming, setConfirming] = useState(false);
  useKeyShortcuts({ c: () => input.current?.focus() });

  const clear = () =>
    operations.clear.mutate(undefined, {
      onSuccess: ({ deleted }) => {
        setConfirming(false);
        showToast(t('cleared', { count: deleted }));
      },
    });

  return (
    <Page
      titleId="journal-title"
      title={t('translation:journal.title')}
      intro={t('intro')}
      className="journal-page"
      actions={
        <Button variant="ghost" onClick={() => setConfirming(true)} disabled={!journal.items?.length}>
          {t('clear')}
        </Button>
      }
    >
      <form className="journal-entry-form" onSubmit={entry.submit}>
        <label className="visually-hidden" htmlFor="journal-entry">
          {t('entryLabel')}
        </label>
        <input
          ref={input}
          id="journal-entry"
          className="input"
          autoFocus
          autoComplete="off"
          maxLength={1000}
          placeholder={t('entryPlaceholder')}
          value={entry.value}
          onChange={(event) => entry.setValue(event.target.value)}
          aria-invalid={entry.error ? true : undefined}
          aria-describedby={entry.error ? 'journal-entry-error' : undefined}
        />
        <Button type="submit" variant="primary">
          {t('add')}
        </Button>
        {entry.error && (
          <p id="journal-entry-error" className="form-error" role="alert">
            {entry.error}
          </p>
        )}
      </form>
      <SummaryPanel operations={operations} />
      <LoadState
        data={journal.items}
        {...queryState(journal.query)}
        isEmpty={(items) => items.length === 0}
        empty={<p className="muted list-state">{t('empty')}</p>}
      >
        {(items) => <JournalList entries={items} operations={operations} />}
      </LoadState>
      <LoadMore more={journal.more} />
      {confirming && (
        <ConfirmDialog
          title={t('clearTitle')}
          confirmLabel={t('clearConfirm')}
          pending={operations.clear.isPending}
          error={operations.clear.error}
          onConfirm={clear}
          onClose={() => setConfirming(false)}
        >
          <p>{t('clearBody', { count: journal.items?.length ?? 0 })}</p>
        </ConfirmDialog>
      )}
    </Page>
  );
}

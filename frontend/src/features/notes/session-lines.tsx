import type { NoteLine } from '@panoramix/contracts';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button.tsx';
import { Icon } from '../../ui/icon.tsx';
import { InlineEdit } from '../../ui/inline-edit.tsx';
import { LoadState, queryState } from '../../ui/load-state.tsx';
import { useQuickEntry } from '../../ui/use-quick-entry.ts';
import { useSortable } from '../../ui/use-sortable.ts';
import { useLineOperations, useLines } from './use-lines.ts';

/** Ordered lines: click (or Enter) edits one, drag or Alt+↑/↓ moves it, the bin deletes it (with undo). */
function LineList({ lines, sessionId }: { lines: NoteLine[]; sessionId: string }) {
  const { t } = useTranslation('notes');
  const { update, move, remove } = useLineOperations(sessionId);
  const { rowProps } = useSortable(lines, move);
  return (
    <ol className="lines" aria-label={t('lines')}>
      {lines.map((line, index) => (
        <li key={line.id} className="sortable-row line" {...rowProps(line.id)}>
          <span className="line-number muted" aria-hidden="true">
            {index + 1}
          </span>
          <InlineEdit
            value={line.content}
            inputLabel={t('lineLabel', { n: index + 1 })}
            hint={t('renameHint')}
            onSave={(content) => update.mutate({ line, patch: { content } })}
          />
          <Button variant="ghost" icon aria-label={t('deleteLine', { n: index + 1 })} onClick={() => remove.mutate(line)}>
            <Icon name="trash" />
          </Button>
        </li>
      ))}
    </ol>
  );
}

/** The field lines are typed into: Enter appends and clears at once, focus stays for the next line. */
function LineInput({ sessionId, closed }: { sessionId: string; closed: boolean }) {
  const { t } = useTranslation('notes');
  const { append } = useLineOperations(sessionId);
  const { value: text, setValue: setText, error, submit } = useQuickEntry(append);
  const input = useRef<HTMLInputElement>(null);
  return (
    <form className="line-input" onSubmit={submit}>
      <label htmlFor="line-input" className="visually-hidden">
        {t('newLine')}
      </label>
      <input
        ref={input}
        id="line-input"
        className="input"
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={closed ? t('closedHint') : t('newLinePlaceholder')}
        disabled={closed}
        autoComplete="off"
        autoFocus
        maxLength={10_000}
      />
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}

export function SessionLines({ sessionId, closed }: { sessionId: string; closed: boolean }) {
  const { t } = useTranslation('notes');
  const lines = useLines(sessionId);
  return (
    <div className="session-lines">
      <LoadState data={lines.data?.items} {...queryState(lines)} isEmpty={(items) => items.length === 0} empty={t('noLines')}>
        {(items) => <LineList lines={items} sessionId={sessionId} />}
      </LoadState>
      <LineInput sessionId={sessionId} closed={closed} />
      <p className="muted section-hint">{t('moveHint')}</p>
    </div>
  );
}

import type { NoteSession } from '@panoramix/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguageModel } from '../../api/ai-status.ts';
import { navigate } from '../../lib/location.ts';
import { Button } from '../../ui/button.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { useFormat } from '../../ui/format.ts';
import { InlineEdit } from '../../ui/inline-edit.tsx';
import { LoadState, queryState } from '../../ui/load-state.tsx';
import { Markdown } from '../../ui/markdown.tsx';
import { showToast } from '../../ui/toast.tsx';
import { SessionLines } from './session-lines.tsx';
import { useLines } from './use-lines.ts';
import { useNoteSession, useSessionOperations } from './use-sessions.ts';

function DeleteSession({ session, onClose }: { session: NoteSession; onClose: () => void }) {
  const { t } = useTranslation('notes');
  const lines = useLines(session.id);
  const { remove } = useSessionOperations();
  const confirm = () =>
    remove.mutate(session.id, {
      onSuccess: () => {
        showToast(t('sessionDeleted'));
        navigate('/notes');
      },
      onError: (error) => showToast(error.message, 'error'),
    });
  return (
    <ConfirmDialog
      title={t('deleteSessionTitle')}
      confirmLabel={t('deleteSession')}
      pending={remove.isPending}
      onConfirm={confirm}
      onClose={onClose}
    >
      <p>{t('deleteSessionBody', { count: lines.data?.items.length ?? 0 })}</p>
    </ConfirmDialog>
  );
}

function Session({ session }: { session: NoteSession }) {
  const { t } = useTranslation('notes');
  const format = useFormat();
  const { update, summarize } = useSessionOperations();
  const canSummarize = useLanguageModel('summary');
  const [deleting, setDeleting] = useState(false);
  const closed = session.closedAt !== null;
  const name = session.name || t('untitledSession', { date: format.dateTime(session.createdAt) });
  return (
    <div className="session">
      <header className="session-header">
        <h2 className="session-name">
          <InlineEdit
            value={name}
            inputLabel={t('sessionName')}
            hint={t('renameHint')}
            onSave={(next) => update.mutate({ id: session.id, name: next })}
          />
        </h2>
        <span className="chip">{closed ? t('closed') : t('open')}</span>
      </header>
      <div className="session-actions">
        <Button onClick={() => update.mutate({ id: session.id, closed: !closed })} disabled={update.isPending}>
          {closed ? t('reopen') : t('close')}
        </Button>
        <Button
          onClick={() => summarize.mutate(session.id)}
          disabled={summarize.isPending || canSummarize === false}
          aria-describedby={canSummarize === false ? `no-model-${session.id}` : undefined}
        >
          {summarize.isPending ? t('summarizing') : t('summarize')}
        </Button>
        <Button variant="danger" onClick={() => setDeleting(true)}>
          {t('deleteSession')}
        </Button>
      </div>
      {canSummarize === false && (
        <p id={`no-model-${session.id}`} className="muted session-no-model">
          {t('noSummaryModel')}
        </p>
      )}
      {summarize.error && (
        <p className="form-error" role="alert">
          {t('summaryUnavailable', { reason: summarize.error.message })}
        </p>
      )}
      {session.aiSummary && (
        <section
          className="card session-summary"
          aria-label={t('summary', { date: format.dateTime(session.aiSummaryAt ?? session.updatedAt) })}
        >
          <h3>{t('summary', { date: format.dateTime(session.aiSummaryAt ?? session.updatedAt) })}</h3>
          <Markdown source={session.aiSummary} />
        </section>
      )}
      <SessionLines sessionId={session.id} closed={closed} />
      {deleting && <DeleteSession session={session} onClose={() => setDeleting(false)} />}
    </div>
  );
}

export function SessionView({ id }: { id: string }) {
  const { t } = useTranslation('notes');
  const session = useNoteSession(id);
  return (
    <LoadState data={session.data} {...queryState(session)} isEmpty={(found) => found === null} empty={t('sessionNotFound')}>
      {(found) => found && <Session session={found} />}
    </LoadState>
  );
}

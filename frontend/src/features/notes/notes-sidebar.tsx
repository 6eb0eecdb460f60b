import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../app/router/link.tsx';
import { navigate } from '../../app/router/location.ts';
import { Button } from '../../ui/button.tsx';
import { ChoiceGroup } from '../../ui/choice-group.tsx';
import { DataList } from '../../ui/data-list.tsx';
import { useFormat } from '../../ui/format.ts';
import { Icon } from '../../ui/icon.tsx';
import { LoadMore } from '../../ui/load-more.tsx';
import { useNotes } from './use-notes.ts';
import { useSessions } from './use-sessions.ts';

type Kind = 'notes' | 'sessions';

/** Notes (last edited first) or sessions (newest first); the open one is marked as current. */
export function NotesSidebar({ current, initialKind }: { current: string | undefined; initialKind: Kind }) {
  const { t } = useTranslation('notes');
  const format = useFormat();
  const [kind, setKind] = useState<Kind>(initialKind);
  useEffect(() => setKind(initialKind), [initialKind]); // opening a session shows the sessions
  const { query: notes, more: moreNotes } = useNotes();
  const { query: sessions, more: moreSessions } = useSessions();
  const mark = (id: string) => (id === current ? ('page' as const) : undefined);
  return (
    <aside className="notes-sidebar">
      <div className="notes-actions">
        <Button variant="primary" onClick={() => navigate('/notes/new')}>
          <Icon name="plus" />
          {t('newNote')}
        </Button>
        <Button onClick={() => navigate('/notes/sessions/new')}>
          <Icon name="plus" />
          {t('newSession')}
        </Button>
      </div>
      <ChoiceGroup
        legend={t('kind')}
        value={kind}
        options={[
          { value: 'notes', label: t('notes') },
          { value: 'sessions', label: t('sessions') },
        ]}
        onChange={setKind}
      />
      {kind === 'notes' ? (
        <>
          <DataList
            label={t('notes')}
            items={notes.data?.items}
            loading={notes.isPending}
            error={notes.error}
            onRetry={() => void notes.refetch()}
            empty={t('noNotes')}
            getKey={(note) => note.id}
            renderItem={(note) => (
              <Link to={`/notes/${note.id}`} className="notes-item" aria-current={mark(note.id)}>
                <span className="notes-item-title">{note.title}</span>
                <span className="muted notes-item-meta">{format.dateTime(note.updatedAt)}</span>
              </Link>
            )}
          />
          <LoadMore more={moreNotes} />
        </>
      ) : (
        <>
          <DataList
            label={t('sessions')}
            items={sessions.data?.items}
            loading={sessions.isPending}
            error={sessions.error}
            onRetry={() => void sessions.refetch()}
            empty={t('noSessions')}
            getKey={(session) => session.id}
            renderItem={(session) => (
              <Link to={`/notes/sessions/${session.id}`} className="notes-item" aria-current={mark(session.id)}>
                <span className="notes-item-title">
                  {session.name || t('untitledSession', { date: format.dateTime(session.createdAt) })}
                </span>
                <span className="muted notes-item-meta">{session.closedAt ? t('closed') : t('open')}</span>
              </Link>
            )}
          />
          <LoadMore more={moreSessions} />
        </>
      )}
    </aside>
  );
}

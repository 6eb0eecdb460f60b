import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../ui/link.tsx';
import { navigate } from '../../lib/location.ts';
import { Button } from '../../ui/button.tsx';
import { ChoiceGroup } from '../../ui/choice-group.tsx';
import { useFormat } from '../../ui/format.ts';
import { Icon } from '../../ui/icon.tsx';
import { DataList } from '../../ui/data-list.tsx';
import { queryState } from '../../ui/load-state.tsx';
import { useNotes } from './use-notes.ts';
import { useSessions } from './use-sessions.ts';

type Kind = 'notes' | 'sessions';

/** Notes (last edited first) or sessions (newest first), the open one marked as current: the list side of the notes page. */
export function NotesSidebar({ current, initialKind }: { current: string | undefined; initialKind: Kind }) {
  const { t } = useTranslation('notes');
  const format = useFormat();
  const [kind, setKind] = useState<Kind>(initialKind);
  useEffect(() => setKind(initialKind), [initialKind]); // opening a session shows the sessions
  const notes = useNotes();
  const sessions = useSessions();
  const mark = (id: string) => (id === current ? ('page' as const) : undefined);
  return (
    <>
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
        <DataList
          items={notes.data}
          {...queryState(notes)}
          getKey={(note) => note.id}
          label={t('notes')}
          empty={t('noNotes')}
          renderItem={(note) => (
            <Link to={`/notes/${note.id}`} className="notes-item" aria-current={mark(note.id)}>
              <span className="notes-item-title">{note.title}</span>
              <span className="muted notes-item-meta">{format.dateTime(note.updatedAt)}</span>
            </Link>
          )}
        />
      ) : (
        <DataList
          items={sessions.data}
          {...queryState(sessions)}
          getKey={(session) => session.id}
          label={t('sessions')}
          empty={t('noSessions')}
          renderItem={(session) => (
            <Link to={`/notes/sessions/${session.id}`} className="notes-item" aria-current={mark(session.id)}>
              <span className="notes-item-title">
                {session.name || t('untitledSession', { date: format.dateTime(session.createdAt) })}
              </span>
              <span className="muted notes-item-meta">{session.closedAt ? t('closed') : t('open')}</span>
            </Link>
          )}
        />
      )}
    </>
  );
}

import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, useLocation } from '../../lib/location.ts';
import { Page } from '../../ui/page.tsx';
import { useKeyShortcuts } from '../../ui/use-key-shortcuts.ts';
import { SplitPane, SplitPlaceholder } from '../../ui/split-pane.tsx';
import { showToast } from '../../ui/toast.tsx';
import { NoteEditor } from './note-editor.tsx';
import { NotesSidebar } from './notes-sidebar.tsx';
import { SessionView } from './session-view.tsx';
import { useSessionOperations } from './use-sessions.ts';
import './messages.ts';
import './notes.css';

/** `/notes/sessions/new` (palette "Nouvelle session"): starts a session at once and opens it, ready to type. */
function NewSession() {
  const { create } = useSessionOperations();
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return; // StrictMode runs effects twice: one session only
    started.current = true;
    create.mutate(
      {},
      {
        onSuccess: (session) => navigate(`/notes/sessions/${session.id}`, { replace: true }),
        onError: (error) => {
          showToast(error.message, 'error');
          navigate('/notes', { replace: true });
        },
      },
    );
  }, [create]);
  return null;
}

/** `/notes`, `/notes/new`, `/notes/<id>`, `/notes/sessions/<id>`: the list beside the open note or session. */
export default function NotesPage() {
  const { t } = useTranslation('notes');
  const { pathname } = useLocation();
  const [, , first, second] = pathname.split('/');
  const sessionId = first === 'sessions' ? second : undefined;
  const noteId = first && first !== 'sessions' ? first : undefined;
  const open = sessionId ?? noteId;
  useKeyShortcuts({
    c: () => navigate('/notes/new'),
    // The open note's text, else its title (in preview the text is not a field).
    e: () =>
      (
        document.querySelector<HTMLElement>('.note-editor textarea') ?? document.querySelector<HTMLElement>('.note-editor input')
      )?.focus(),
  });

  let pane = <SplitPlaceholder>{t('pick')}</SplitPlaceholder>;
  if (sessionId === 'new') pane = <NewSession />;
  else if (sessionId) pane = <SessionView key={sessionId} id={sessionId} />;
  else if (noteId) pane = <NoteEditor key={noteId} id={noteId === 'new' ? undefined : noteId} />;

  return (
    <Page titleId="notes-title" title={t('title')} className="notes-page">
      <SplitPane
        listClassName="notes-sidebar"
        list={<NotesSidebar current={open} initialKind={sessionId ? 'sessions' : 'notes'} />}
        open={Boolean(open)}
        back={{ to: '/notes', label: t('back') }}
      >
        {pane}
      </SplitPane>
    </Page>
  );
}

import type { NoteSession, NoteSummary } from '@panoramix/contracts';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useReplica } from '../../api/replica/use-replica.ts';
import { DataList } from '../../ui/data-list.tsx';
import { useFormat } from '../../ui/format.ts';
import { Link } from '../../ui/link.tsx';
import { queryState } from '../../ui/load-state.tsx';
import type { ProjectSectionProps } from '../../ui/project-sections.ts';
import { notesLastEditedFirst, sessionsNewestFirst } from './note-cache.ts';

/** The project page's notes and note sessions, from the replica (live), each opening in Notes. */
export default function ProjectNotes({ projectId }: ProjectSectionProps) {
  // Rendered inside the project page, whose namespace holds the section's texts.
  const { t } = useTranslation('projects');
  const format = useFormat();
  const notes = useReplica(
    'notes',
    useCallback((all: NoteSummary[]) => notesLastEditedFirst(all.filter((n) => n.projectId === projectId)), [projectId]),
  );
  const sessions = useReplica(
    'noteSessions',
    useCallback((all: NoteSession[]) => sessionsNewestFirst(all.filter((s) => s.projectId === projectId)), [projectId]),
  );
  return (
    <>
      <section className="project-section" aria-labelledby="project-notes-title">
        <h2 id="project-notes-title" className="section-title">
          {t('notesTitle')}
        </h2>
        <DataList
          label={t('notesTitle')}
          items={notes.data}
          {...queryState(notes)}
          empty={t('noNotes')}
          getKey={(note) => note.id}
          renderItem={(note) => (
            <div className="project-item">
              <Link to={`/notes/${note.id}`}>{note.title}</Link>
              <span className="muted">{format.dateTime(note.updatedAt)}</span>
            </div>
          )}
        />
      </section>
      <section className="project-section" aria-labelledby="project-sessions-title">
        <h2 id="project-sessions-title" className="section-title">
          {t('sessionsTitle')}
        </h2>
        <DataList
          label={t('sessionsTitle')}
          items={sessions.data}
          {...queryState(sessions)}
          empty={t('noSessions')}
          getKey={(session) => session.id}
          renderItem={(session) => (
            <div className="project-item">
              <Link to={`/notes/sessions/${session.id}`}>{session.name || t('kinds.noteSession')}</Link>
              <span className="muted">
                {format.dateTime(session.createdAt)}
                {session.closedAt && ` · ${t('sessionClosed')}`}
              </span>
            </div>
          )}
        />
      </section>
    </>
  );
}

import type { Note, NoteLine, NoteSession } from '@panoramix/contracts';
import type { QueryClient } from '@tanstack/react-query';
import type { EventAppliers } from '../../api/event-appliers.ts';
import { byRank, editPages, newestFirst, upsert, without } from '../../api/list-cache.ts';

export const noteKeys = {
  list: ['notes', 'list'] as const,
  detail: (id: string) => ['notes', 'detail', id] as const,
  sessions: ['noteSessions', 'list'] as const,
  session: (id: string) => ['noteSessions', 'detail', id] as const,
  lines: (sessionId: string) => ['noteLines', sessionId] as const,
};

const lastEdited = newestFirst('updatedAt');
const newest = newestFirst('createdAt');

export function putNote(queryClient: QueryClient, note: Note) {
  editPages<Note>(queryClient, noteKeys.list, (items) => upsert(items, note, lastEdited));
  if (queryClient.getQueryData(noteKeys.detail(note.id))) queryClient.setQueryData(noteKeys.detail(note.id), note);
}

export function dropNote(queryClient: QueryClient, id: string) {
  editPages<Note>(queryClient, noteKeys.list, (items) => without(items, id));
  queryClient.removeQueries({ queryKey: noteKeys.detail(id) });
}

export function putSession(queryClient: QueryClient, session: NoteSession) {
  editPages<NoteSession>(queryClient, noteKeys.sessions, (items) => upsert(items, session, newest));
  if (queryClient.getQueryData(noteKeys.session(session.id))) queryClient.setQueryData(noteKeys.session(session.id), session);
}

export function dropSession(queryClient: QueryClient, id: string) {
  editPages<NoteSession>(queryClient, noteKeys.sessions, (items) => without(items, id));
  queryClient.removeQueries({ queryKey: noteKeys.session(id) });
  queryClient.removeQueries({ queryKey: noteKeys.lines(id) });
}

export const putLine = (queryClient: QueryClient, line: NoteLine) =>
  editPages<NoteLine>(queryClient, noteKeys.lines(line.sessionId), (items) => upsert(items, line, byRank));

export const dropLine = (queryClient: QueryClient, sessionId: string, id: string) =>
  editPages<NoteLine>(queryClient, noteKeys.lines(sessionId), (items) => without(items, id));

/** Notes, sessions and lines changed in other tabs, on other devices or by project members. */
export const noteEvents: EventAppliers = {
  'note.created': putNote,
  'note.updated': putNote,
  'note.deleted': (queryClient, { id }) => dropNote(queryClient, id),
  'noteSession.created': putSession,
  'noteSession.updated': putSession,
  'noteSession.deleted': (queryClient, { id }) => dropSession(queryClient, id),
  'noteLine.created': putLine,
  'noteLine.updated': putLine,
  'noteLine.deleted': (queryClient, { id, sessionId }) => dropLine(queryClient, sessionId, id),
};

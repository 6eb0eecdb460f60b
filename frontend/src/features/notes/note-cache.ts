import type { Note, NoteLine, NoteSession } from '@panoramix/contracts';
import type { QueryClient } from '@tanstack/react-query';
import type { EventAppliers } from '../../api/event-appliers.ts';
import { byRank, dropItem, newestFirst, putDetail, putItem } from '../../api/list-cache.ts';
import type { Ties } from '../../api/reconcile.ts';

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
  putItem(queryClient, noteKeys.list, note, { order: lastEdited });
  putDetail(queryClient, noteKeys.detail(note.id), note);
}

/** Called once the server says it is gone: a late version then stays out (see dropItem in api/list-cache.ts). */
export function dropNote(queryClient: QueryClient, id: string) {
  dropItem(queryClient, noteKeys.list, id, { deleted: true });
  queryClient.removeQueries({ queryKey: noteKeys.detail(id) });
}

export function putSession(queryClient: QueryClient, session: NoteSession) {
  putItem(queryClient, noteKeys.sessions, session, { order: newest });
  putDetail(queryClient, noteKeys.session(session.id), session);
}

export function dropSession(queryClient: QueryClient, id: string) {
  dropItem(queryClient, noteKeys.sessions, id, { deleted: true });
  queryClient.removeQueries({ queryKey: noteKeys.session(id) });
  queryClient.removeQueries({ queryKey: noteKeys.lines(id) });
}

/** `ties: 'incoming'` for local writes: an optimistic edit, a move, their rollback (see api/reconcile.ts). */
export const putLine = (queryClient: QueryClient, line: NoteLine, ties: Ties = 'settle') =>
  putItem(queryClient, noteKeys.lines(line.sessionId), line, { order: byRank, ties });

export const dropLine = (queryClient: QueryClient, sessionId: string, id: string, deleted: boolean, seen?: NoteLine) =>
  dropItem(queryClient, noteKeys.lines(sessionId), id, { deleted, seen });

/** Notes, sessions and lines changed in other tabs, on other devices or by project members. */
export const noteEvents: EventAppliers = {
  'note.created': putNote,
  'note.updated': putNote,
  'note.deleted': (queryClient, { id }) => dropNote(queryClient, id),
  'noteSession.created': putSession,
  'noteSession.updated': putSession,
  'noteSession.deleted': (queryClient, { id }) => dropSession(queryClient, id),
  'noteLine.created': (queryClient, line) => putLine(queryClient, line),
  'noteLine.updated': (queryClient, line) => putLine(queryClient, line),
  'noteLine.deleted': (queryClient, { id, sessionId }) => dropLine(queryClient, sessionId, id, true),
};

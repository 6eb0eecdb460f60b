import type { Note, NoteLine, NoteSession, NoteSummary } from '@panoramix/contracts';
import type { QueryClient } from '@tanstack/react-query';
import type { EventAppliers } from '../../api/event-appliers.ts';
import { byRank, dropItem, newestFirst, putDetail, putItem } from '../../api/list-cache.ts';
import type { Ties } from '../../api/reconcile.ts';
import { defineReplica } from '../../api/replica/declaration.ts';
import { dropReplicaItem, putReplicaItem } from '../../api/replica/replica-cache.ts';

export const noteKeys = {
  detail: (id: string) => ['notes', 'detail', id] as const,
  lines: (sessionId: string) => ['noteLines', sessionId] as const,
};

/** The replica holds a note's list fields; its content is read when the note opens (useNote). */
const toSummary = ({ content: _content, ...summary }: NoteSummary & { content?: string }): NoteSummary => summary;

/** Every note I see, without content, and every note session, in the live local replica. */
export const noteReplica = defineReplica({
  collection: 'notes',
  upserts: ['note.created', 'note.updated'],
  removes: ['note.deleted'],
  toItem: toSummary,
});
export const sessionReplica = defineReplica({
  collection: 'noteSessions',
  upserts: ['noteSession.created', 'noteSession.updated'],
  removes: ['noteSession.deleted'],
});

const lastEdited = newestFirst('updatedAt');
const newest = newestFirst('createdAt');

/** The notes list's order, as the server's: last edited first. Module level, so `select` stays stable. */
export const notesLastEditedFirst = (notes: NoteSummary[]) => [...notes].sort(lastEdited);
/** The sessions list's order, as the server's: newest first. */
export const sessionsNewestFirst = (sessions: NoteSession[]) => [...sessions].sort(newest);

/** A saved version of a note: its summary into the replica, the whole note into its open editor. */
export function putNote(queryClient: QueryClient, note: Note) {
  putReplicaItem(queryClient, 'notes', toSummary(note));
  putDetail(queryClient, noteKeys.detail(note.id), note);
}

/** Called once the server says it is gone: a late version then stays out (see api/replica/replica-cache.ts). */
export function dropNote(queryClient: QueryClient, id: string) {
  dropReplicaItem(queryClient, 'notes', id);
  queryClient.removeQueries({ queryKey: noteKeys.detail(id) });
}

export const putSession = (queryClient: QueryClient, session: NoteSession) => {
  putReplicaItem(queryClient, 'noteSessions', session);
};

export function dropSession(queryClient: QueryClient, id: string) {
  dropReplicaItem(queryClient, 'noteSessions', id);
  queryClient.removeQueries({ queryKey: noteKeys.lines(id) });
}

/** `ties: 'incoming'` for local writes: an optimistic edit, a move, their rollback (see api/reconcile.ts). */
export const putLine = (queryClient: QueryClient, line: NoteLine, ties: Ties = 'settle') =>
  putItem(queryClient, noteKeys.lines(line.sessionId), line, { order: byRank, ties });

export const dropLine = (queryClient: QueryClient, sessionId: string, id: string, deleted: boolean, seen?: NoteLine) =>
  dropItem(queryClient, noteKeys.lines(sessionId), id, { deleted, seen });

/**
 * What the replica does not hold, changed in other tabs, on other devices or by project members:
 * an open note's content and a session's lines (the lists follow their replicated collections).
 */
export const noteEvents: EventAppliers = {
  'note.updated': (queryClient, note) => putDetail(queryClient, noteKeys.detail(note.id), note),
  'note.deleted': (queryClient, { id }) => queryClient.removeQueries({ queryKey: noteKeys.detail(id) }),
  'noteSession.deleted': (queryClient, { id }) => queryClient.removeQueries({ queryKey: noteKeys.lines(id) }),
  'noteLine.created': (queryClient, line) => putLine(queryClient, line),
  'noteLine.updated': (queryClient, line) => putLine(queryClient, line),
  'noteLine.deleted': (queryClient, { id, sessionId }) => dropLine(queryClient, sessionId, id, true),
};

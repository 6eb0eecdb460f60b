import { z } from 'zod';
import { chatServerEvents } from './chat-events.ts';
import type { ChatClientToServerEvents } from './chat-events.ts';
import { objectId } from './common.ts';
import { fileDeleted, storedFile } from './files.ts';
import { link } from './links.ts';
import { note, noteDeleted } from './notes.ts';
import { noteLine, noteLineDeleted, noteSession, noteSessionDeleted } from './note-sessions.ts';
import { project, projectDeleted } from './projects.ts';
import { task, taskDeleted } from './tasks.ts';
import { preferences } from './preferences.ts';

const deleted = z.object({ id: objectId });

/**
 * Every domain event a client may receive on its socket, named `<entity>.<verb>`,
 * with the schema of its payload. The socket event name is the domain event type.
 * Chat events keep Organizer's `<entity>:<verb>` names (see chat-events.ts).
 */
export const domainEvents = {
  'link.created': link,
  'link.updated': link,
  'link.deleted': deleted,
  'preferences.updated': preferences,
  'project.created': project,
  'project.updated': project,
  'project.deleted': projectDeleted,
  'task.created': task,
  'task.updated': task,
  'task.deleted': taskDeleted,
  'note.created': note,
  'note.updated': note,
  'note.deleted': noteDeleted,
  'noteSession.created': noteSession,
  'noteSession.updated': noteSession,
  'noteSession.deleted': noteSessionDeleted,
  'noteLine.created': noteLine,
  'noteLine.updated': noteLine,
  'noteLine.deleted': noteLineDeleted,
  'file.created': storedFile,
  'file.updated': storedFile,
  'file.deleted': fileDeleted,
  ...chatServerEvents,
} as const;

export type DomainEventMap = { [K in keyof typeof domainEvents]: z.infer<(typeof domainEvents)[K]> };
export type DomainEventType = keyof DomainEventMap;

export type ServerToClientEvents = { [K in DomainEventType]: (data: DomainEventMap[K]) => void };
/** What clients send: the chat's typing, presence and send events, each answered by an ack. */
export type ClientToServerEvents = ChatClientToServerEvents;

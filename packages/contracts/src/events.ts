import { z } from 'zod';
import { alarm, alarmDeleted, alarmFired } from './alarms.ts';
import { chatServerEvents } from './chat-events.ts';
import type { Ack, ChatClientToServerEvents } from './chat-events.ts';
import { budgetImport, budgetLine, budgetLineDeleted, budgetLinesChanged, budgetPairKept } from './budget.ts';
import { calendarEvent, calendarEventDeleted, calendarEventsChanged } from './calendar.ts';
import { calendarSubscription, calendarSubscriptionDeleted } from './calendar-subscriptions.ts';
import { isoDateTime } from './common.ts';
import { fileDeleted, storedFile } from './files.ts';
import { journalEvents } from './journal.ts';
import { link, linkDeleted } from './links.ts';
import { note, noteDeleted } from './notes.ts';
import { panoramaImport } from './panorama-import.ts';
import { peopleEvents } from './people.ts';
import { noteLine, noteLineDeleted, noteSession, noteSessionDeleted } from './note-sessions.ts';
import { project, projectDeleted } from './projects.ts';
import { pushSubscription, pushSubscriptionDeleted } from './push.ts';
import { situationEvents } from './situations.ts';
import { task, taskDeleted } from './tasks.ts';
import { preferences } from './preferences.ts';

/**
 * Every domain event a client may receive on its socket, named `<entity>.<verb>`,
 * with the schema of its payload. The socket event name is the domain event type.
 * Chat events keep Organizer's `<entity>:<verb>` names (see chat-events.ts).
 */
export const domainEvents = {
  'link.created': link,
  'link.updated': link,
  'link.deleted': linkDeleted,
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
  'alarm.created': alarm,
  'alarm.updated': alarm,
  'alarm.deleted': alarmDeleted,
  'alarm.fired': alarmFired,
  'pushSubscription.created': pushSubscription,
  'pushSubscription.deleted': pushSubscriptionDeleted,
  'budgetLine.created': budgetLine,
  'budgetLine.updated': budgetLine,
  'budgetLine.deleted': budgetLineDeleted,
  /** Many lines changed at once (bulk edit, import, undo, vendor rule): read the list again. */
  'budgetLines.changed': budgetLinesChanged,
  'budgetImport.updated': budgetImport,
  /** An import of a Panorama archive moved on (progress, then its report): to the admin who started it. */
  'panoramaImport.updated': panoramaImport,
  /** The user kept two lines of the Vérifier list apart (*Garder les deux*): drop the pair. */
  'budgetPair.kept': budgetPairKept,
  'calendar.event.created': calendarEvent,
  'calendar.event.updated': calendarEvent,
  'calendar.event.deleted': calendarEventDeleted,
  /** Many events changed at once (an import, a subscription refresh): read the visible range again. */
  'calendar.events.changed': calendarEventsChanged,
  'calendar.subscription.created': calendarSubscription,
  /** Also after each fetch: how it went (`lastError`, `lastCounts`). */
  'calendar.subscription.updated': calendarSubscription,
  'calendar.subscription.deleted': calendarSubscriptionDeleted,
  /**
   * The user's sessions all ended (their password changed, an admin disabled the account): every
   * socket of theirs is disconnected right after this event, on every instance. Reconnect with a
   * token obtained after the change (the tab that changed the password has one); others must sign in again.
   */
  'session.ended': z.object({ reason: z.enum(['password-changed', 'disabled', 'signed-out-everywhere']) }),
  /** One sign-in of the user was signed out (from their sessions list): that sign-in's sockets are disconnected right after. */
  'session.revoked': z.object({ sessionId: z.uuid() }),
  ...chatServerEvents,
  ...peopleEvents,
  ...journalEvents,
  ...situationEvents,
} as const;

export type DomainEventMap = { [K in keyof typeof domainEvents]: z.infer<(typeof domainEvents)[K]> };
export type DomainEventType = keyof DomainEventMap;

/**
 * A socket lives no longer than the access token it proved itself with. Shortly before that token
 * expires the server sends `session:expiring`; the client refreshes its session
 * (`POST /api/auth/refresh`) and hands the new access token over with `session:refresh`, on the same
 * socket. A socket whose token expires unrefreshed is disconnected by the server.
 */
export const sessionServerEvents = {
  'session:expiring': z.object({ expiresAt: isoDateTime }),
} as const;

export const sessionClientEvents = {
  /** A newer access token of the same user; the ack's data says when it expires. 401 when it is not valid. */
  'session:refresh': z.strictObject({ token: z.string().min(1).max(4096) }),
} as const;

export type SessionServerEventType = keyof typeof sessionServerEvents;
export type ServerToClientEvents = { [K in DomainEventType]: (data: DomainEventMap[K]) => void } & {
  [K in SessionServerEventType]: (data: z.infer<(typeof sessionServerEvents)[K]>) => void;
};
export type SessionClientToServerEvents = {
  'session:refresh': (
    payload: z.input<(typeof sessionClientEvents)['session:refresh']>,
    ack: (result: Ack<{ expiresAt: string }>) => void,
  ) => void;
};
/** What clients send: the chat's typing, presence and send events and the session refresh, each answered by an ack. */
export type ClientToServerEvents = ChatClientToServerEvents & SessionClientToServerEvents;

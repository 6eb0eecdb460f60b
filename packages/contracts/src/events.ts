import { z } from 'zod';
import { objectId } from './common.ts';
import { link } from './links.ts';
import { preferences } from './preferences.ts';

const deleted = z.object({ id: objectId });

/**
 * Every domain event a client may receive on its socket, named `<entity>.<verb>`,
 * with the schema of its payload. The socket event name is the domain event type.
 */
export const domainEvents = {
  'link.created': link,
  'link.updated': link,
  'link.deleted': deleted,
  'preferences.updated': preferences,
} as const;

export type DomainEventMap = { [K in keyof typeof domainEvents]: z.infer<(typeof domainEvents)[K]> };
export type DomainEventType = keyof DomainEventMap;

export type ServerToClientEvents = { [K in DomainEventType]: (data: DomainEventMap[K]) => void };
/** Nothing yet: the chat issue adds typing and presence here. */
export type ClientToServerEvents = Record<string, never>;

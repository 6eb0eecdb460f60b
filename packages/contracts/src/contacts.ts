import { z } from 'zod';
import { idParams, isoDateTime, objectId, page, pageQuery } from './common.ts';
import { defineRoute } from './http.ts';

/** Someone as the chat shows them. */
export const person = z.object({ id: objectId, username: z.string(), displayName: z.string() }).meta({ id: 'Person' });
export type Person = z.infer<typeof person>;

/** Contacts are one-directional, as in Organizer: adding someone asks nothing of them. */
export const contact = z
  .object({
    id: objectId,
    user: person,
    createdAt: isoDateTime,
  })
  .meta({ id: 'Contact' });
export type Contact = z.infer<typeof contact>;

export const addContactBody = z.strictObject({ userId: objectId });

export const userSearchQuery = z.strictObject({
  q: z.string().trim().min(1, 'must not be empty').max(50, 'must be at most 50 characters'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export const userSearchResult = person.extend({ isContact: z.boolean() }).meta({ id: 'UserSearchResult' });

export const presenceStatuses = ['online', 'away', 'offline'] as const;
export const presenceStatus = z.enum(presenceStatuses);
export type PresenceStatus = z.infer<typeof presenceStatus>;

export const presence = z
  .object({
    userId: objectId,
    status: presenceStatus.meta({
      description: 'online: some socket of theirs is active; away: every one says away; offline: none is connected',
    }),
    lastSeenAt: isoDateTime.nullable().meta({ description: 'When their last socket disconnected; null if never seen' }),
  })
  .meta({ id: 'Presence' });
export type Presence = z.infer<typeof presence>;

const tags = ['contacts'] as const;

export const contactRoutes = {
  list: defineRoute({
    method: 'get',
    path: '/api/contacts',
    summary: 'My contacts, in the order I added them',
    tags,
    access: 'user',
    query: pageQuery,
    response: page(contact),
  }),
  add: defineRoute({
    method: 'post',
    path: '/api/contacts',
    summary: 'Add someone to my contacts (adding them again returns the same contact)',
    tags,
    access: 'user',
    body: addContactBody,
    status: 201,
    response: contact,
    idempotent: true,
  }),
  remove: defineRoute({
    method: 'delete',
    path: '/api/contacts/:id',
    summary: 'Remove a contact',
    tags,
    access: 'user',
    params: idParams,
    status: 204,
  }),
  searchUsers: defineRoute({
    method: 'get',
    path: '/api/users/search',
    summary: 'Find active accounts by username prefix or display name, to add them or start a direct room',
    tags,
    access: 'user',
    query: userSearchQuery,
    response: z.object({ items: z.array(userSearchResult) }),
  }),
  presence: defineRoute({
    method: 'get',
    path: '/api/presence',
    summary: 'Presence of everyone I share a room with and of my mutual contacts; presence:changed keeps it current',
    tags,
    access: 'user',
    response: z.object({ items: z.array(presence) }),
  }),
};

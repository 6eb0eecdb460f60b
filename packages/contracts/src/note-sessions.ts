import { z } from 'zod';
import { idParams, isoDateTime, objectId, orderKey, page, pageQuery, projectContentFields } from './common.ts';
import { defineRoute } from './http.ts';

/** A meeting or jotting session: a container of ordered lines (Panorama's note sessions). */
export const noteSession = projectContentFields
  .extend({
    name: z.string(),
    aiSummary: z.string().nullable(),
    aiSummaryAt: isoDateTime.nullable(),
    closedAt: isoDateTime.nullable().meta({ description: 'Set when the session is closed; lines can still be edited' }),
  })
  .meta({ id: 'NoteSession' });
export type NoteSession = z.infer<typeof noteSession>;

export const noteLine = projectContentFields
  .extend({
    sessionId: objectId,
    projectId: objectId
      .nullable()
      .meta({ description: "Copied from the session, kept in step when the session's project changes" }),
    content: z.string(),
    rank: orderKey,
  })
  .meta({ id: 'NoteLine' });
export type NoteLine = z.infer<typeof noteLine>;

const sessionName = z.string().trim().max(200, 'must be at most 200 characters');
const lineContent = z.string().min(1, 'must not be empty').max(10_000, 'must be at most 10000 characters');

export const createNoteSessionBody = z.strictObject({
  projectId: objectId.nullable().default(null),
  name: sessionName.default(''),
});
export const updateNoteSessionBody = z
  .strictObject({ projectId: objectId.nullable().optional(), name: sessionName.optional(), closed: z.boolean().optional() })
  .refine((b) => Object.keys(b).length > 0, 'nothing to update')
  .meta({ minProperties: 1 }); // the refine, as the JSON schema can say it
export const listNoteSessionsQuery = pageQuery.extend({ projectId: z.union([objectId, z.literal('none')]).optional() });

export const createNoteLineBody = z.strictObject({
  sessionId: objectId,
  content: lineContent,
  rank: orderKey.optional().meta({ description: 'Default: after the last line' }),
});
export const updateNoteLineBody = z
  .strictObject({ content: lineContent.optional(), rank: orderKey.optional() })
  .refine((b) => Object.keys(b).length > 0, 'nothing to update')
  .meta({ minProperties: 1 }); // the refine, as the JSON schema can say it
export const listNoteLinesQuery = pageQuery.extend({
  sessionId: objectId,
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

export const summaryResult = z.object({ session: noteSession });
export const noteSessionDeleted = z.object({ id: objectId, projectId: objectId.nullable() });
export const noteLineDeleted = z.object({ id: objectId, sessionId: objectId, projectId: objectId.nullable() });

const sessionTags = ['note-sessions'] as const;
const lineTags = ['note-lines'] as const;

export const noteSessionRoutes = {
  list: defineRoute({
    method: 'get',
    path: '/api/note-sessions',
    summary: 'My sessions and those of my projects, newest first',
    tags: sessionTags,
    access: 'user',
    query: listNoteSessionsQuery,
    response: page(noteSession),
    errors: [404],
  }),
  create: defineRoute({
    method: 'post',
    path: '/api/note-sessions',
    summary: 'Start a session',
    tags: sessionTags,
    access: 'user',
    body: createNoteSessionBody,
    status: 201,
    response: noteSession,
    idempotent: true,
  }),
  get: defineRoute({
    method: 'get',
    path: '/api/note-sessions/:id',
    summary: 'One session',
    tags: sessionTags,
    access: 'user',
    params: idParams,
    response: noteSession,
  }),
  update: defineRoute({
    method: 'patch',
    path: '/api/note-sessions/:id',
    summary: 'Rename, close/reopen or move a session (its lines follow the project)',
    tags: sessionTags,
    access: 'user',
    params: idParams,
    body: updateNoteSessionBody,
    response: noteSession,
  }),
  remove: defineRoute({
    method: 'delete',
    path: '/api/note-sessions/:id',
    summary: 'Delete a session and its lines',
    tags: sessionTags,
    access: 'user',
    params: idParams,
    status: 204,
  }),
  summarize: defineRoute({
    method: 'post',
    path: '/api/note-sessions/:id/summary',
    summary: 'Summarise the lines with the configured language model (503 when none is configured)',
    tags: sessionTags,
    access: 'user',
    params: idParams,
    response: summaryResult,
    errors: [503],
  }),
};

export const noteLineRoutes = {
  list: defineRoute({
    method: 'get',
    path: '/api/note-lines',
    summary: 'The lines of a session, in order',
    tags: lineTags,
    access: 'user',
    query: listNoteLinesQuery,
    response: page(noteLine),
    errors: [404],
  }),
  create: defineRoute({
    method: 'post',
    path: '/api/note-lines',
    summary: 'Append a line to a session',
    tags: lineTags,
    access: 'user',
    body: createNoteLineBody,
    status: 201,
    response: noteLine,
    idempotent: true,
    errors: [404],
  }),
  update: defineRoute({
    method: 'patch',
    path: '/api/note-lines/:id',
    summary: 'Edit or move a line',
    tags: lineTags,
    access: 'user',
    params: idParams,
    body: updateNoteLineBody,
    response: noteLine,
  }),
  remove: defineRoute({
    method: 'delete',
    path: '/api/note-lines/:id',
    summary: 'Delete a line',
    tags: lineTags,
    access: 'user',
    params: idParams,
    status: 204,
  }),
};

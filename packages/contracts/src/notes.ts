import { z } from 'zod';
import { idParams, label, objectId, page, pageQuery, projectContentFields } from './common.ts';
import { defineRoute } from './http.ts';

export const note = projectContentFields
  .extend({
    title: z.string(),
    content: z.string().meta({ description: 'Markdown; clients render it without running any script' }),
  })
  .meta({ id: 'Note' });
export type Note = z.infer<typeof note>;

const noteFields = {
  projectId: objectId.nullable(),
  title: label(300),
  // Content is never trimmed: leading spaces and blank lines are Markdown.
  content: z.string().max(200_000, 'must be at most 200000 characters'),
};

export const createNoteBody = z.strictObject({
  projectId: noteFields.projectId.default(null),
  title: noteFields.title,
  content: noteFields.content.default(''),
});
export const updateNoteBody = z
  .strictObject(z.object(noteFields).partial().shape)
  .refine((b) => Object.keys(b).length > 0, 'nothing to update')
  .meta({ minProperties: 1 }); // the refine, as the JSON schema can say it

export const listNotesQuery = pageQuery.extend({
  projectId: z.union([objectId, z.literal('none')]).optional(),
  q: z
    .string()
    .trim()
    .min(2, 'must be at least 2 characters')
    .max(200)
    .optional()
    .meta({ description: 'Text in the title or content' }),
});

export const noteDeleted = z.object({ id: objectId, projectId: objectId.nullable() });

const tags = ['notes'] as const;

export const noteRoutes = {
  list: defineRoute({
    method: 'get',
    path: '/api/notes',
    summary: 'My free notes and the notes of my projects, last edited first',
    tags,
    access: 'user',
    query: listNotesQuery,
    response: page(note),
    errors: [404],
  }),
  create: defineRoute({
    method: 'post',
    path: '/api/notes',
    summary: 'Write a note',
    tags,
    access: 'user',
    body: createNoteBody,
    status: 201,
    response: note,
    idempotent: true,
  }),
  get: defineRoute({
    method: 'get',
    path: '/api/notes/:id',
    summary: 'One note',
    tags,
    access: 'user',
    params: idParams,
    response: note,
  }),
  update: defineRoute({
    method: 'patch',
    path: '/api/notes/:id',
    summary: 'Change a note; last write wins per field',
    tags,
    access: 'user',
    params: idParams,
    body: updateNoteBody,
    response: note,
  }),
  remove: defineRoute({
    method: 'delete',
    path: '/api/notes/:id',
    summary: 'Delete a note',
    tags,
    access: 'user',
    params: idParams,
    status: 204,
  }),
};

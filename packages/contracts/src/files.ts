import { z } from 'zod';
import { idParams, isoDateTime, label, objectId, page, pageQuery, projectContentFields } from './common.ts';
import { defineRoute } from './http.ts';

/** nginx's `client_max_body_size`: the API refuses a larger file with the same 413. */
export const FILE_MAX_BYTES = 50 * 1024 * 1024;

export const storedFile = projectContentFields
  .extend({
    userId: objectId.meta({ description: 'Who uploaded it' }),
    roomId: objectId.nullable().meta({ description: 'The room of the message it is attached to, if any' }),
    messageId: objectId.nullable(),
    name: z.string().meta({ description: 'Display name' }),
    originalName: z.string().meta({ description: 'The name it was uploaded with; downloads are saved under it' }),
    size: z.number().int().min(0).meta({ description: 'Bytes' }),
    mimeType: z.string().meta({ description: 'Detected from the content when it has a signature' }),
    clicksCount: z.number().int().min(0).meta({ description: 'Downloads' }),
    lastClickedAt: isoDateTime.nullable(),
  })
  .meta({ id: 'File' });
export type StoredFile = z.infer<typeof storedFile>;

/** What a message shows of each attached file. */
export const attachment = storedFile.pick({ id: true, name: true, size: true, mimeType: true }).meta({ id: 'Attachment' });
export type Attachment = z.infer<typeof attachment>;

const fileName = label(255);

/** The text fields of an upload; the bytes travel in the `file` part. */
export const uploadFileFields = z.strictObject({
  projectId: objectId.optional(),
  name: fileName.optional().meta({ description: 'Display name; the uploaded file name by default' }),
});

export const updateFileBody = z
  .strictObject({ name: fileName, projectId: objectId.nullable() })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'nothing to update')
  .meta({ minProperties: 1 }); // the refine, as the JSON schema can say it

export const listFilesQuery = pageQuery.extend({
  projectId: z.union([objectId, z.literal('none')]).optional(),
});

export const fileDeleted = z.object({ id: objectId, projectId: objectId.nullable(), roomId: objectId.nullable() });

const tags = ['files'] as const;

export const fileRoutes = {
  list: defineRoute({
    method: 'get',
    path: '/api/files',
    summary: 'Files I uploaded, those of my projects and those attached in my rooms, newest first',
    tags,
    access: 'user',
    query: listFilesQuery,
    response: page(storedFile),
    errors: [404],
  }),
  upload: defineRoute({
    method: 'post',
    path: '/api/files',
    summary: 'Upload a file (multipart/form-data, part `file`, 50 MB at most); its type is checked against its content',
    tags,
    access: 'user',
    body: uploadFileFields,
    upload: { field: 'file', maxBytes: FILE_MAX_BYTES },
    status: 201,
    response: storedFile,
    errors: [413, 415],
    idempotent: true,
  }),
  get: defineRoute({
    method: 'get',
    path: '/api/files/:id',
    summary: 'One file',
    tags,
    access: 'user',
    params: idParams,
    response: storedFile,
  }),
  content: defineRoute({
    method: 'get',
    path: '/api/files/:id/content',
    summary: 'The bytes, saved under the original name; only images, PDF and plain text display inline',
    tags,
    access: 'user',
    params: idParams,
    stream: '*/*',
  }),
  update: defineRoute({
    method: 'patch',
    path: '/api/files/:id',
    summary: 'Rename a file or move it to another project (not a chat attachment)',
    tags,
    access: 'user',
    params: idParams,
    body: updateFileBody,
    response: storedFile,
    errors: [409],
  }),
  remove: defineRoute({
    method: 'delete',
    path: '/api/files/:id',
    summary: 'Delete a file and its bytes',
    tags,
    access: 'user',
    params: idParams,
    status: 204,
  }),
};

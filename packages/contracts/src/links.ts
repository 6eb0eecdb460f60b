import { z } from 'zod';
import { idParams, isoDateTime, label, objectId, page, pageQuery, projectContentFields } from './common.ts';
import { defineRoute } from './http.ts';

/** Panorama prepends `https://` when a link has no scheme; anything but http(s) is refused. */
export const linkUrl = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(2048, 'must be at most 2048 characters')
  .transform((raw) => (/^[a-z][a-z\d+.-]*:/i.test(raw) ? raw : `https://${raw}`))
  .pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) address' }));

export const link = projectContentFields
  .extend({
    name: z.string(),
    url: z.string(),
    clicksCount: z.number().int(),
    lastClickedAt: isoDateTime.nullable(),
  })
  .meta({ id: 'Link' });
export type Link = z.infer<typeof link>;

const linkFields = {
  projectId: objectId.nullable().meta({ description: "A project of the caller's; its members then share the link" }),
  name: label(200),
  url: linkUrl,
};

export const createLinkBody = z.strictObject({ ...linkFields, projectId: linkFields.projectId.default(null) });
export const updateLinkBody = z
  .strictObject(z.object(linkFields).partial().shape)
  .refine((b) => Object.keys(b).length > 0, 'nothing to update')
  .meta({ minProperties: 1 }); // the refine, as the JSON schema can say it

export const listLinksQuery = pageQuery.extend({
  projectId: z
    .union([objectId, z.literal('none')])
    .optional()
    .meta({ description: "One project's links, or `none`: my unfiled ones" }),
  q: z.string().trim().max(200).optional().meta({ description: 'Case-insensitive match on name or url' }),
});

export const linkDeleted = z.object({ id: objectId, projectId: objectId.nullable() });

const tags = ['links'] as const;

export const linkRoutes = {
  list: defineRoute({
    method: 'get',
    path: '/api/links',
    summary: 'My unfiled links and the links of my projects, newest first',
    tags,
    access: 'user',
    query: listLinksQuery,
    response: page(link),
    errors: [404],
  }),
  create: defineRoute({
    method: 'post',
    path: '/api/links',
    summary: 'Save a link',
    tags,
    access: 'user',
    body: createLinkBody,
    status: 201,
    response: link,
    idempotent: true,
  }),
  get: defineRoute({
    method: 'get',
    path: '/api/links/:id',
    summary: 'One link',
    tags,
    access: 'user',
    params: idParams,
    response: link,
  }),
  update: defineRoute({
    method: 'patch',
    path: '/api/links/:id',
    summary: 'Rename a link, change its address or move it to another project (or none)',
    tags,
    access: 'user',
    params: idParams,
    body: updateLinkBody,
    response: link,
  }),
  remove: defineRoute({
    method: 'delete',
    path: '/api/links/:id',
    summary: 'Delete a link',
    tags,
    access: 'user',
    params: idParams,
    status: 204,
  }),
  click: defineRoute({
    method: 'post',
    path: '/api/links/:id/click',
    summary: 'Count a click on a link',
    tags,
    access: 'user',
    params: idParams,
    response: link,
  }),
};

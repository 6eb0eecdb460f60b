import { z } from 'zod';
import { idParams, isoDateTime, label, objectId, orderKey, ownedFields, page, pageQuery } from './common.ts';
import { person } from './contacts.ts';
import { defineRoute } from './http.ts';

export const healthFlags = ['red', 'orange', 'green'] as const;
export const healthFlag = z.enum(healthFlags).nullable().meta({ description: 'Manual health flag of the portfolio view' });
export const colorLabel = z
  .string()
  .regex(/^#[0-9a-f]{6}$/i, 'must be a colour like #3366ff')
  .nullable();

export const projectMember = person
  .extend({
    // Optional: a replica restored from an earlier version holds members without it until its next sync.
    avatarFileId: objectId.nullable().optional().meta({ description: 'Their avatar (`GET /api/users/:id/avatar`), or none' }),
  })
  .meta({ id: 'ProjectMember' });

export const project = ownedFields
  .extend({
    userId: objectId.meta({ description: 'Owner' }),
    memberIds: z.array(objectId).meta({ description: 'Owner included' }),
    members: z.array(projectMember).meta({ description: 'The members as people are shown, in memberIds order' }),
    name: z.string(),
    description: z.string(),
    status: z.string().meta({ description: 'Free text, e.g. "discovery"' }),
    targetDate: isoDateTime.nullable(),
    healthFlag,
    colorLabel,
    isFavorite: z.boolean(),
    favoriteRank: z.number().nullable(),
    rank: orderKey.meta({ description: 'Manual order of the portfolio view (fractional indexing)' }),
  })
  .meta({ id: 'Project' });
export type Project = z.infer<typeof project>;
export type ProjectMember = z.infer<typeof projectMember>;

const projectFields = {
  name: label(200),
  description: z.string().max(20_000, 'must be at most 20000 characters'),
  status: z.string().trim().max(100, 'must be at most 100 characters'),
  targetDate: isoDateTime.nullable(),
  healthFlag,
  colorLabel,
  isFavorite: z.boolean(),
  favoriteRank: z.number().finite().nullable(),
  rank: orderKey,
};

export const createProjectBody = z.strictObject({
  ...projectFields,
  description: projectFields.description.default(''),
  status: projectFields.status.default(''),
  targetDate: projectFields.targetDate.default(null),
  healthFlag: projectFields.healthFlag.default(null),
  colorLabel: projectFields.colorLabel.default(null),
  isFavorite: projectFields.isFavorite.default(false),
  favoriteRank: projectFields.favoriteRank.default(null),
  rank: projectFields.rank.optional(),
});
export const updateProjectBody = z
  .strictObject(z.object(projectFields).partial().shape)
  .refine((b) => Object.keys(b).length > 0, 'nothing to update')
  .meta({ minProperties: 1 }); // the refine, as the JSON schema can say it

export const addMemberBody = z.strictObject({ username: z.string().trim().toLowerCase().min(1, 'is required').max(30) });
export const memberParams = z.strictObject({ id: objectId, userId: objectId });

export const projectDeleted = z.object({ id: objectId });

const tags = ['projects'] as const;

export const projectRoutes = {
  list: defineRoute({
    method: 'get',
    path: '/api/projects',
    summary: 'Projects I own or am a member of, in manual order',
    tags,
    access: 'user',
    query: pageQuery,
    response: page(project),
  }),
  create: defineRoute({
    method: 'post',
    path: '/api/projects',
    summary: 'Create a project (I become its owner and first member)',
    tags,
    access: 'user',
    body: createProjectBody,
    status: 201,
    response: project,
    idempotent: true,
  }),
  get: defineRoute({
    method: 'get',
    path: '/api/projects/:id',
    summary: 'One project',
    tags,
    access: 'user',
    params: idParams,
    response: project,
  }),
  update: defineRoute({
    method: 'patch',
    path: '/api/projects/:id',
    summary: 'Change a project (any member); last write wins per field',
    tags,
    access: 'user',
    params: idParams,
    body: updateProjectBody,
    response: project,
  }),
  remove: defineRoute({
    method: 'delete',
    path: '/api/projects/:id',
    summary: 'Delete a project and everything in it (owner only); the cascade runs as a durable job',
    tags,
    access: 'user',
    params: idParams,
    status: 202,
    response: projectDeleted,
    errors: [403],
  }),
  addMember: defineRoute({
    method: 'post',
    path: '/api/projects/:id/members',
    summary: 'Add a member by username (owner only)',
    tags,
    access: 'user',
    params: idParams,
    body: addMemberBody,
    response: project,
    errors: [403],
  }),
  removeMember: defineRoute({
    method: 'delete',
    path: '/api/projects/:id/members/:userId',
    summary: 'Remove a member (owner), or leave the project (the member themselves)',
    tags,
    access: 'user',
    params: memberParams,
    response: project,
    errors: [403, 409],
  }),
};

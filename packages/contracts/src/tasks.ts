import { z } from 'zod';
import { idParams, isoDateTime, label, objectId, orderKey, page, pageQuery, projectContentFields } from './common.ts';
import { defineRoute } from './http.ts';

export const taskStatuses = ['todo', 'in_progress', 'done', 'cancelled', 'idea'] as const;
export const taskStatus = z.enum(taskStatuses, { error: `must be one of ${taskStatuses.join(', ')}` });
export type TaskStatus = z.infer<typeof taskStatus>;

const tag = z.string().trim().min(1, 'must not be empty').max(50, 'must be at most 50 characters');

export const task = projectContentFields
  .extend({
    projectId: objectId.nullable().meta({ description: 'null: an inbox task, visible to its creator only' }),
    title: z.string(),
    notes: z.string(),
    status: taskStatus,
    statusChangedAt: isoDateTime,
    deadline: isoDateTime.nullable(),
    isUrgent: z.boolean(),
    isImportant: z.boolean(),
    rank: orderKey.meta({ description: 'Order among open tasks (fractional indexing); lower comes first' }),
    tags: z.array(z.string()),
  })
  .meta({ id: 'Task' });
export type Task = z.infer<typeof task>;

const taskFields = {
  projectId: objectId.nullable(),
  title: label(500),
  notes: z.string().max(20_000, 'must be at most 20000 characters'),
  status: taskStatus,
  deadline: isoDateTime.nullable(),
  isUrgent: z.boolean(),
  isImportant: z.boolean(),
  rank: orderKey,
  tags: z.array(tag).max(20, 'at most 20 tags'),
};

export const createTaskBody = z.strictObject({
  ...taskFields,
  projectId: taskFields.projectId.default(null),
  notes: taskFields.notes.default(''),
  status: taskFields.status.default('todo'),
  deadline: taskFields.deadline.default(null),
  isUrgent: taskFields.isUrgent.default(false),
  isImportant: taskFields.isImportant.default(false),
  rank: taskFields.rank.optional(),
  tags: taskFields.tags.default([]),
});
export const updateTaskBody = z
  .strictObject(z.object(taskFields).partial().shape)
  .refine((b) => Object.keys(b).length > 0, 'nothing to update')
  .meta({ minProperties: 1 }); // the refine, as the JSON schema can say it

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const listTasksQuery = pageQuery.extend({
  projectId: z
    .union([objectId, z.literal('none')])
    .optional()
    .meta({ description: "A project id, or 'none' for the inbox" }),
  status: z
    .string()
    .transform((v) => v.split(','))
    .pipe(z.array(taskStatus))
    .optional()
    .meta({ description: 'Comma-separated statuses' }),
  overdue: flag.optional().meta({ description: 'Open tasks whose deadline has passed' }),
  dueWithinDays: z.coerce.number().int().min(0).max(366).optional().meta({ description: 'Open tasks due within N days' }),
});

export const bulkCompleteBody = z.strictObject({ ids: z.array(objectId).min(1, 'select at least one task').max(200) });
export const bulkResult = z.object({ updated: z.array(task) });
export const taskDeleted = z.object({ id: objectId, projectId: objectId.nullable() });

const tags = ['tasks'] as const;

export const taskRoutes = {
  list: defineRoute({
    method: 'get',
    path: '/api/tasks',
    summary: 'My inbox tasks and the tasks of my projects, in rank order (drag order; new tasks first)',
    tags,
    access: 'user',
    query: listTasksQuery,
    response: page(task),
    errors: [404],
  }),
  create: defineRoute({
    method: 'post',
    path: '/api/tasks',
    summary: 'Create a task, at the top of its list unless a rank is given',
    tags,
    access: 'user',
    body: createTaskBody,
    status: 201,
    response: task,
    idempotent: true,
  }),
  get: defineRoute({
    method: 'get',
    path: '/api/tasks/:id',
    summary: 'One task',
    tags,
    access: 'user',
    params: idParams,
    response: task,
  }),
  update: defineRoute({
    method: 'patch',
    path: '/api/tasks/:id',
    summary: 'Change a task; moving it to another project keeps its history',
    tags,
    access: 'user',
    params: idParams,
    body: updateTaskBody,
    response: task,
  }),
  remove: defineRoute({
    method: 'delete',
    path: '/api/tasks/:id',
    summary: 'Delete a task',
    tags,
    access: 'user',
    params: idParams,
    status: 204,
  }),
  bulkComplete: defineRoute({
    method: 'post',
    path: '/api/tasks/bulk-complete',
    summary: 'Mark several tasks done at once',
    tags,
    access: 'user',
    body: bulkCompleteBody,
    response: bulkResult,
  }),
};

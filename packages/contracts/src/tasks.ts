import { z } from 'zod';
import { idParams, isoDateTime, label, objectId, orderKey, page, pageQuery, projectContentFields } from './common.ts';
import { defineRoute } from './http.ts';

export const taskStatuses = ['todo', 'in_progress', 'done', 'cancelled', 'idea'] as const;
export const taskStatus = z.enum(taskStatuses, { error: `must be one of ${taskStatuses.join(', ')}` });
export type TaskStatus = z.infer<typeof taskStatus>;

const tag = z.string().trim().min(1, 'must not be empty').max(50, 'must be at most 50 characters');
const hours = z.number().min(0, 'must be at least 0').max(10_000, 'must be at most 10000').nullable();

/** Where a task came from when a feature created it: the journal entries it was suggested from. */
export const taskSource = z.object({ kind: z.literal('journal'), ids: z.array(objectId) });
export type TaskSource = z.infer<typeof taskSource>;

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
    assigneeId: objectId.nullable().meta({ description: "A member of the task's project (its creator for an inbox task)" }),
    estimate: z.number().nullable().meta({ description: 'Estimated hours' }),
    actual: z.number().nullable().meta({ description: 'Hours spent' }),
    source: taskSource.nullable().meta({ description: 'Set when created from journal suggestions' }),
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
  assigneeId: objectId.nullable(),
  estimate: hours,
  actual: hours,
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
  assigneeId: taskFields.assigneeId.default(null),
  estimate: taskFields.estimate.default(null),
  actual: taskFields.actual.default(null),
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
  assigneeId: objectId.optional().meta({ description: 'Tasks assigned to this user' }),
});

const selection = z.array(objectId).min(1, 'select at least one task').max(200, 'at most 200 tasks at once');
export const bulkCompleteBody = z.strictObject({ ids: selection });
export const bulkResult = z.object({ updated: z.array(task) });
export const taskDeleted = z.object({ id: objectId, projectId: objectId.nullable() });

/** What one bulk action changes on every selected task: tags are added or removed, the rest is set. */
export const bulkTaskPatch = z
  .strictObject({
    status: taskFields.status,
    deadline: taskFields.deadline,
    isUrgent: taskFields.isUrgent,
    isImportant: taskFields.isImportant,
    projectId: taskFields.projectId,
    assigneeId: taskFields.assigneeId,
    addTags: z.array(tag).min(1, 'must not be empty').max(20, 'at most 20 tags'),
    removeTags: z.array(tag).min(1, 'must not be empty').max(20, 'at most 20 tags'),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'nothing to update')
  .meta({ minProperties: 1 });
export const bulkUpdateBody = z.strictObject({ ids: selection, patch: bulkTaskPatch });
export const bulkIdsBody = z.strictObject({ ids: selection });
export const bulkDeleted = z.object({ deleted: z.array(taskDeleted) });
export const restoredTasks = z.object({ restored: z.array(task) });

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
  bulkUpdate: defineRoute({
    method: 'post',
    path: '/api/tasks/bulk-update',
    summary:
      'Change several tasks at once (status, deadline, flags, tags, project, assignee): all of them, or none when one is not visible (404) or a value is refused (400)',
    tags,
    access: 'user',
    body: bulkUpdateBody,
    response: bulkResult,
    errors: [404],
  }),
  bulkDelete: defineRoute({
    method: 'post',
    path: '/api/tasks/bulk-delete',
    summary: 'Delete several tasks at once (all of them, or none when one is not visible: 404); restore undoes it',
    tags,
    access: 'user',
    body: bulkIdsBody,
    response: bulkDeleted,
    errors: [404],
  }),
  restore: defineRoute({
    method: 'post',
    path: '/api/tasks/restore',
    summary:
      'Undo a deletion of mine (within a day): the same tasks, with their ids, back where they were; 404 when one is not in my recent deletions or its project is out of reach',
    tags,
    access: 'user',
    body: bulkIdsBody,
    response: restoredTasks,
    errors: [404],
  }),
  promote: defineRoute({
    method: 'post',
    path: '/api/tasks/:id/promote',
    summary:
      "Promote to top (Panorama's rule): the task ranks first, then every open task of its list is re-sorted by deadline (none last), in progress first, rank, creation",
    tags,
    access: 'user',
    params: idParams,
    response: bulkResult,
  }),
};

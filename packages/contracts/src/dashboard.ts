import { z } from 'zod';
import { isoDateTime, objectId } from './common.ts';
import { defineRoute } from './http.ts';
import { healthFlag } from './projects.ts';
import { task, taskStatuses } from './tasks.ts';

export const activityWindows = ['24h', '7d'] as const;

export const projectOverview = z.object({
  id: objectId,
  name: z.string(),
  colorLabel: z.string().nullable(),
  healthFlag,
  open: z.number().int(),
  done: z.number().int(),
  overdue: z.number().int(),
  dueSoon: z.number().int().meta({ description: 'Open tasks due within 3 days' }),
  progress: z.number().min(0).max(1).meta({ description: 'done / (open + done)' }),
  lastActivityAt: isoDateTime,
  /** Panorama's score: 100 − 8 × overdue − 20 when dormant + min(20, 2 × notes of the last 7 days), within 0..100. */
  healthScore: z.number().int().min(0).max(100),
});

export const activityItem = z.object({
  kind: z.enum(['project.created', 'task.done', 'note.created']),
  id: objectId,
  title: z.string(),
  projectId: objectId.nullable(),
  at: isoDateTime,
});

export const recentNote = z.object({ id: objectId, title: z.string(), projectId: objectId.nullable(), updatedAt: isoDateTime });

/**
 * The Accueil overview, computed by the server in one call. Each key is a section a feature
 * contributes; later features add theirs here and register a compute function in the backend.
 */
export const dashboardSections = {
  taskCounts: z.record(z.enum(taskStatuses), z.number().int()),
  overdueTasks: z.array(task),
  dueSoonTasks: z.array(task),
  recentNotes: z.array(recentNote),
  projects: z.array(projectOverview),
  activity: z.array(activityItem),
};

export const dashboard = z
  .object({ generatedAt: isoDateTime, window: z.enum(activityWindows), ...dashboardSections })
  .meta({ id: 'Dashboard' });
export type Dashboard = z.infer<typeof dashboard>;
export type DashboardSectionKey = keyof typeof dashboardSections;

export const dashboardQuery = z.strictObject({ window: z.enum(activityWindows).default('7d') });

export const dashboardRoutes = {
  get: defineRoute({
    method: 'get',
    path: '/api/dashboard',
    summary: 'Overview: task counts, overdue and due-soon tasks, recent notes, active projects, recent activity',
    tags: ['dashboard'],
    access: 'user',
    query: dashboardQuery,
    response: dashboard,
  }),
};

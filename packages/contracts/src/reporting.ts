import { z } from 'zod';
import { isoDateTime, label, objectId } from './common.ts';
import { activityItem } from './dashboard.ts';
import { defineRoute } from './http.ts';
import { ianaTimeZone } from './preferences.ts';
import { project } from './projects.ts';
import { task } from './tasks.ts';

export const reportWindows = ['24h', '72h', '7d', '3w', 'all'] as const;
export type ReportWindow = (typeof reportWindows)[number];
const HOUR_MS = 3_600_000;
/** How far back each window reads; `all` has no start. */
export const reportWindowMs: Record<Exclude<ReportWindow, 'all'>, number> = {
  '24h': 24 * HOUR_MS,
  '72h': 72 * HOUR_MS,
  '7d': 7 * 24 * HOUR_MS,
  '3w': 21 * 24 * HOUR_MS,
};
/** A report lists at most this many items, newest first. */
export const REPORT_MAX_ITEMS = 500;

/** Panorama's rule: an unknown window is the last 24 hours, not an error. */
const reportWindow = z
  .string()
  .optional()
  .transform((raw): ReportWindow => ((reportWindows as readonly string[]).includes(raw ?? '') ? (raw as ReportWindow) : '24h'))
  .meta({ description: `One of ${reportWindows.join(', ')}; anything else reads as 24h` });

const projectList = z
  .string()
  .transform((raw) => raw.split(',').filter(Boolean))
  .pipe(z.array(objectId).max(200))
  .optional();

export const reportQuery = z.strictObject({
  window: reportWindow,
  include: projectList.meta({ description: 'Comma-separated project ids: only their items' }),
  exclude: projectList.meta({ description: 'Comma-separated project ids: their items left out' }),
});

export const report = z
  .object({
    window: z.enum(reportWindows),
    since: isoDateTime.nullable().meta({ description: 'Start of the window; null for `all`' }),
    items: z.array(activityItem),
    truncated: z.boolean().meta({ description: `True when more than ${REPORT_MAX_ITEMS} items happened` }),
  })
  .meta({ id: 'Report' });
export type Report = z.infer<typeof report>;

export const reportSummaryBody = z.strictObject({
  window: z.enum(reportWindows).default('24h'),
  include: z.array(objectId).max(200).optional(),
  exclude: z.array(objectId).max(200).optional(),
  prompt: z.string().trim().max(2000, 'must be at most 2000 characters').optional().meta({
    description: 'Extra instructions for the report (tone, focus)',
  }),
  timeZone: ianaTimeZone.default('UTC'),
});
export const reportSummary = z.object({
  markdown: z.string().meta({ description: 'Empty when nothing happened in the window (the model is not asked)' }),
  itemCount: z.number().int(),
});

/** A task the model read in pasted text, as the review list shows it (editable before creating). */
export const importedTask = z.object({
  title: label(500),
  notes: z.string().max(20_000, 'must be at most 20000 characters').default(''),
  deadline: isoDateTime.nullable().default(null),
  projectId: objectId.nullable().default(null).meta({ description: 'One of my projects' }),
  newProject: label(200)
    .nullable()
    .default(null)
    .meta({ description: 'A project to create for it (when no project of mine matches); ignored when projectId is set' }),
});
export type ImportedTask = z.infer<typeof importedTask>;

export const analyzeImportBody = z.strictObject({
  text: label(20_000),
  timeZone: ianaTimeZone.default('UTC').meta({ description: 'Relative dates in the text are read in this zone' }),
});
export const importProposal = z.object({ tasks: z.array(importedTask) });

export const createImportBody = z.strictObject({ tasks: z.array(importedTask).min(1, 'select at least one task').max(100) });
export const importCreated = z.object({ projects: z.array(project), tasks: z.array(task) });

const tags = ['reporting'] as const;

export const reportingRoutes = {
  activity: defineRoute({
    method: 'get',
    path: '/api/reporting/activity',
    summary: 'What happened in my projects in a window: projects created, tasks done, notes created',
    tags,
    access: 'user',
    query: reportQuery,
    response: report,
  }),
  summary: defineRoute({
    method: 'post',
    path: '/api/reporting/summary',
    summary: 'The activity of a window as a Markdown report written by the language model',
    tags,
    access: 'user',
    body: reportSummaryBody,
    response: reportSummary,
    errors: [503],
  }),
  analyzeImport: defineRoute({
    method: 'post',
    path: '/api/reporting/import/analyze',
    summary: 'Read tasks in free text (language model): titles, notes, deadlines, a project of mine or a new one',
    tags,
    access: 'user',
    body: analyzeImportBody,
    response: importProposal,
    errors: [502, 503],
  }),
  createImport: defineRoute({
    method: 'post',
    path: '/api/reporting/import',
    summary: 'Create the reviewed tasks, and the new projects they name; checked whole before anything is written',
    tags,
    access: 'user',
    body: createImportBody,
    status: 201,
    response: importCreated,
  }),
};

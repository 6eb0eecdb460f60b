import { z } from 'zod';
import { idParams, isoDateTime, objectId } from './common.ts';
import { FILE_MAX_BYTES } from './files.ts';
import { defineRoute } from './http.ts';

/** A Panorama archive can hold years of data; it is streamed to disk, never held in memory. */
export const PANORAMA_ARCHIVE_MAX_BYTES = 4 * 1024 * 1024 * 1024;

const secretChoice = z
  .string()
  .trim()
  .max(2000)
  .regex(/^(all|[A-Za-z0-9_.]+(,[A-Za-z0-9_.]+)*)?$/, 'must be `all` or secret names separated by commas')
  .meta({
    description:
      "appPreferences secrets to keep in the user's encrypted settings (`all`, or names such as `openaiApiKey,slack.botToken`); the others are dropped",
  });

/** The text fields of the upload; the archive travels in the `file` part. */
export const startPanoramaImportBody = z.strictObject({
  username: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(100)
    .meta({ description: 'The user every imported document belongs to' }),
  keepSecrets: secretChoice.default(''),
  mapUsers: z
    .string()
    .trim()
    .max(4000)
    .regex(/^([^=,]+=[^=,]+(,[^=,]+=[^=,]+)*)?$/, 'must be panoramaUserId=username pairs separated by commas')
    .default('')
    .meta({
      description: 'Panorama project members to map to accounts here (`panoramaUserId=username,…`); the others stay pending',
    }),
});

const count = z.number().int().min(0);

/**
 * Why a document was fixed on the way, held or skipped: a stable code the panel translates, its
 * parameters (a field name, a value, the model's message) shown as they are.
 */
export const panoramaImportReasonCodes = [
  // Fixed and imported.
  'noCreatedAt',
  'noStatus',
  'unknownStatus',
  'assigneeNoAccount',
  'memberNoAccount',
  'unknownPanoramaStatus',
  'noteNoTitle',
  'situationNoTitle',
  'secondActor',
  'actorNoName',
  'questionWithoutText',
  'budgetDateNotIso',
  'githubUsernameMerged',
  'sameNormalizedName',
  'dangling',
  // Kept whole in panorama_pending.
  'noNextTriggerAt',
  'unknownRecurrence',
  'situationNotInArchive',
  'actorNotInArchive',
  'secondQuestions',
  'secondSummary',
  'vendorIgnoreNoName',
  'sessionNotInArchive',
  'noStoreChats',
  'noStoreErrors',
  'noStoreVendorsCache',
  'appPreferencesKept',
  'unknownCollection',
  'refusedByModel',
  // Not written.
  'idTaken',
] as const;
export type PanoramaImportReasonCode = (typeof panoramaImportReasonCodes)[number];

const issues = z
  .record(
    z.string(),
    z.object({
      code: z.enum(panoramaImportReasonCodes),
      params: z.record(z.string(), z.string()).meta({ description: "The reason's details: `field`, `value` or `detail`" }),
      count,
      samples: z.array(z.string()),
    }),
  )
  .meta({
    description: 'Per reason, keyed by its English text (as the CLI prints it): its code, how many, the first legacy ids',
  });

export const panoramaImportReport = z
  .object({
    archive: z.string(),
    username: z.string(),
    startedAt: isoDateTime,
    finishedAt: isoDateTime.nullable(),
    collections: z.record(
      z.string(),
      z.object({
        target: z.string(),
        read: count,
        inserted: count,
        updated: count,
        unchanged: count,
        skipped: count,
        issues,
        unknownFields: z.record(z.string(), count),
      }),
    ),
    pendingMembers: z.array(z.object({ legacyUserId: z.string(), projects: count })),
    secrets: z.array(z.object({ name: z.string(), action: z.enum(['stored', 'dropped']) })),
    missingFiles: z.array(z.object({ legacyId: z.string(), storedFileName: z.string() })),
    held: count,
    searchQueued: count.meta({ description: 'Items this run wrote and queued for the search index' }),
    clean: z.boolean(),
  })
  .meta({ id: 'PanoramaImportReport' });
export type PanoramaImportReport = z.infer<typeof panoramaImportReport>;

export const panoramaImportProgress = z.object({
  collection: z.string().meta({ description: 'The collection being read' }),
  read: count.meta({ description: 'Documents read so far' }),
  total: count.meta({ description: 'Documents in the archive' }),
  rate: count.meta({ description: 'Documents per second' }),
  errors: count.meta({ description: 'Documents refused so far' }),
});

export const panoramaImportStates = ['queued', 'running', 'done', 'failed'] as const;
export const panoramaImport = z
  .object({
    id: objectId,
    username: z.string(),
    state: z.enum(panoramaImportStates),
    progress: panoramaImportProgress.nullable(),
    report: panoramaImportReport.nullable(),
    error: z.string().nullable(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'PanoramaImport' });
export type PanoramaImport = z.infer<typeof panoramaImport>;

const tags = ['panorama-import'] as const;

export const panoramaImportRoutes = {
  start: defineRoute({
    method: 'post',
    path: '/api/admin/imports/panorama',
    summary:
      'Import a Panorama export archive (multipart/form-data, part `file`) for a user (admin): answers at once with the import job, whose progress is pushed live',
    tags,
    access: 'admin',
    body: startPanoramaImportBody,
    upload: { field: 'file', maxBytes: PANORAMA_ARCHIVE_MAX_BYTES },
    status: 202,
    response: panoramaImport,
    errors: [413],
  }),
  addFile: defineRoute({
    method: 'post',
    path: '/api/admin/imports/panorama/:id/files',
    summary:
      "The bytes of one file the finished import reported missing (multipart/form-data, part `file`, named by its `storedFileName` as in Panorama's files folder, 50 MB at most): stored for the target user and taken off the report's missing files (admin, the one who started it)",
    tags,
    access: 'admin',
    params: idParams,
    upload: { field: 'file', maxBytes: FILE_MAX_BYTES },
    response: panoramaImport,
    errors: [409],
  }),
  get: defineRoute({
    method: 'get',
    path: '/api/admin/imports/panorama/:id',
    summary: 'An import job: its state, progress and report (admin, the one who started it)',
    tags,
    access: 'admin',
    params: idParams,
    response: panoramaImport,
  }),
};

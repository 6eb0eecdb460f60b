import { z } from 'zod';
import { idParams, isoDateTime, label, objectId, ownedFields } from './common.ts';
import { defineRoute } from './http.ts';

/**
 * Panorama's `normalizedName`: trim, Unicode NFKD, combining accents (U+0300–U+036F) dropped,
 * lower case. Search compares normalised text on both sides, so "elodie" finds "Élodie".
 */
export const normalizeName = (text: string) =>
  text
    .trim()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** The Google Workspace user export's columns that an import reads; the first three must be there. */
export const googleColumns = {
  firstName: 'First Name [Required]',
  lastName: 'Last Name [Required]',
  email: 'Email Address [Required]',
  status: 'Status [READ ONLY]',
} as const;
export const requiredGoogleColumns = [googleColumns.firstName, googleColumns.lastName, googleColumns.email] as const;

/** A Google CSV is a few hundred bytes a user: 10 MB holds tens of thousands; a larger file answers 413. */
export const PEOPLE_IMPORT_MAX_BYTES = 10 * 1024 * 1024;

export const personRecord = ownedFields
  .extend({
    name: z.string().meta({ description: 'First name' }),
    lastName: z.string(),
    normalizedName: z.string().meta({ description: 'The first name trimmed, without accents, lower-cased' }),
    aliases: z.array(z.string()),
    role: z.string(),
    email: z.string().meta({ description: 'Lower-cased; empty when unknown' }),
    notes: z.string(),
    left: z.boolean().meta({ description: 'Left the company' }),
    contactOnly: z.boolean().meta({ description: 'An outside contact, not staff' }),
    teamId: objectId.nullable(),
    subteam: z.string(),
    managerId: objectId.nullable(),
    githubUsernames: z.array(z.string()),
    arrivalDate: isoDateTime.nullable(),
  })
  .meta({ id: 'PersonRecord' });
export type PersonRecord = z.infer<typeof personRecord>;

const shortText = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const textList = (max: number) =>
  z
    .array(shortText(max))
    .max(50)
    .transform((items) => items.filter(Boolean));
const githubHandle = z
  .string()
  .trim()
  .transform((raw) => raw.replace(/^@/, '').toLowerCase())
  .pipe(z.string().regex(/^[a-z\d](?:[a-z\d-]{0,38})$/, 'must be a GitHub user name'));

const personFields = z.strictObject({
  name: label(100),
  lastName: shortText(100),
  aliases: textList(100),
  role: shortText(200),
  email: z.union([z.literal(''), z.email('must be an email address').max(320)]).transform((email) => email.toLowerCase()),
  notes: z.string().max(20_000, 'must be at most 20000 characters'),
  left: z.boolean(),
  contactOnly: z.boolean(),
  teamId: objectId.nullable(),
  subteam: shortText(100),
  managerId: objectId.nullable(),
  githubUsernames: z
    .array(githubHandle)
    .max(20)
    .transform((handles) => [...new Set(handles)]),
  arrivalDate: isoDateTime.nullable(),
});

export const createPersonBody = personFields.partial().required({ name: true });
export const updatePersonBody = personFields
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'nothing to update')
  .meta({ minProperties: 1 }); // the refine, as the JSON schema can say it
export type PersonInput = z.output<typeof createPersonBody>;
export type PersonPatch = z.output<typeof updatePersonBody>;

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const listPeopleQuery = z.strictObject({
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .meta({ description: 'Matches name, last name, aliases and email, ignoring accents and case' }),
  teamId: z
    .union([objectId, z.literal('none')])
    .optional()
    .meta({ description: 'Only this team, or `none`: people without team' }),
  left: flag.optional().meta({ description: 'Only people who left (true) or who are still here (false)' }),
  contactOnly: flag.optional().meta({ description: 'Only outside contacts (true) or only staff (false)' }),
  sort: z.enum(['name', 'arrival']).default('name').meta({ description: 'By first then last name, or newest arrival first' }),
  limit: z.coerce.number().int().min(1).max(500).default(200),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type PeopleFilter = z.output<typeof listPeopleQuery>;

export const peoplePage = z.object({
  items: z.array(personRecord),
  nextOffset: z.number().int().nullable().meta({ description: 'Pass as `offset` for the next page; null on the last one' }),
});

/** One box of the organisation chart. */
export const orgNode = personRecord.pick({
  id: true,
  name: true,
  lastName: true,
  role: true,
  managerId: true,
  teamId: true,
  left: true,
});
export type OrgNode = z.infer<typeof orgNode>;

export const importSkipReasons = ['missing-name', 'duplicate-in-file', 'ambiguous-last-name', 'unchanged', 'bad-email'] as const;
export const importRow = z.object({
  line: z.number().int().meta({ description: 'Line in the file (the header is line 1)' }),
  action: z.enum(['insert', 'update', 'skip']),
  reason: z.enum(importSkipReasons).nullable().meta({ description: 'Why a row is skipped' }),
  name: z.string(),
  lastName: z.string(),
  email: z.string(),
  left: z.boolean(),
  personId: objectId.nullable().meta({ description: 'The existing person it updates (or would)' }),
});
export type ImportRow = z.infer<typeof importRow>;

export const importSummary = z
  .object({
    inserted: z.number().int(),
    updated: z.number().int(),
    skipped: z.number().int(),
    totalBefore: z.number().int(),
    totalAfter: z.number().int(),
    rows: z.array(importRow).meta({ description: 'Every row of the file and what it does' }),
    encoding: z.enum(['utf-8', 'windows-1252']).meta({ description: 'How the file was read' }),
  })
  .meta({ id: 'PeopleImport' });
export type ImportSummary = z.infer<typeof importSummary>;

export const team = ownedFields
  .extend({ name: z.string(), memberCount: z.number().int().meta({ description: 'People in this team' }) })
  .meta({ id: 'Team' });
export type Team = z.infer<typeof team>;

export const teamBody = z.strictObject({ name: label(100) });
export const removeTeamQuery = z.strictObject({
  moveTo: objectId.optional().meta({ description: 'Move its members to this team of mine first' }),
  unassign: flag.optional().meta({ description: 'Leave its members without team' }),
});

export const personDeleted = z.object({ id: objectId });
export const teamDeleted = z.object({ id: objectId });

export const peopleEvents = {
  'person.created': personRecord,
  'person.updated': personRecord,
  'person.deleted': personDeleted,
  'team.created': team,
  'team.updated': team,
  'team.deleted': teamDeleted,
} as const;

const tags = ['people'] as const;
const importSpec = { field: 'file', maxBytes: PEOPLE_IMPORT_MAX_BYTES } as const;

export const peopleRoutes = {
  list: defineRoute({
    method: 'get',
    path: '/api/people',
    summary: 'My people, filtered and sorted',
    tags,
    access: 'user',
    query: listPeopleQuery,
    response: peoplePage,
  }),
  exportCsv: defineRoute({
    method: 'get',
    path: '/api/people/export',
    summary: 'The filtered list as CSV (Google Workspace columns first, so it imports back)',
    tags,
    access: 'user',
    query: listPeopleQuery.omit({ limit: true, offset: true }),
    stream: '*/*',
  }),
  tree: defineRoute({
    method: 'get',
    path: '/api/people/tree',
    summary: 'Everyone, as the boxes of the organisation chart',
    tags,
    access: 'user',
    response: z.object({ items: z.array(orgNode) }),
  }),
  previewImport: defineRoute({
    method: 'post',
    path: '/api/people/import/preview',
    summary: 'What importing a Google Workspace user CSV would do (multipart, part `file`), writing nothing',
    tags,
    access: 'user',
    upload: importSpec,
    response: importSummary,
    errors: [400, 413, 415], // 400: a file without the required columns, or not CSV
  }),
  applyImport: defineRoute({
    method: 'post',
    path: '/api/people/import',
    summary: 'Import a Google Workspace user CSV: match by email, then last name; the file is checked whole before any write',
    tags,
    access: 'user',
    upload: importSpec,
    response: importSummary,
    errors: [400, 413, 415], // 400: a file without the required columns, or not CSV
  }),
  create: defineRoute({
    method: 'post',
    path: '/api/people',
    summary: 'Add a person',
    tags,
    access: 'user',
    body: createPersonBody,
    status: 201,
    response: personRecord,
    idempotent: true,
    errors: [409],
  }),
  get: defineRoute({
    method: 'get',
    path: '/api/people/:id',
    summary: 'One person',
    tags,
    access: 'user',
    params: idParams,
    response: personRecord,
  }),
  update: defineRoute({
    method: 'patch',
    path: '/api/people/:id',
    summary: 'Change a person; a manager that would close a loop answers 409 naming the chain',
    tags,
    access: 'user',
    params: idParams,
    body: updatePersonBody,
    response: personRecord,
    errors: [409],
  }),
  remove: defineRoute({
    method: 'delete',
    path: '/api/people/:id',
    summary: 'Delete a person; the people they managed keep no manager',
    tags,
    access: 'user',
    params: idParams,
    status: 204,
  }),
};

const teamTags = ['teams'] as const;

export const teamRoutes = {
  list: defineRoute({
    method: 'get',
    path: '/api/teams',
    summary: 'My teams by name, with their member counts',
    tags: teamTags,
    access: 'user',
    response: z.object({ items: z.array(team) }),
  }),
  create: defineRoute({
    method: 'post',
    path: '/api/teams',
    summary: 'Add a team',
    tags: teamTags,
    access: 'user',
    body: teamBody,
    status: 201,
    response: team,
    idempotent: true,
  }),
  update: defineRoute({
    method: 'patch',
    path: '/api/teams/:id',
    summary: 'Rename a team',
    tags: teamTags,
    access: 'user',
    params: idParams,
    body: teamBody,
    response: team,
  }),
  remove: defineRoute({
    method: 'delete',
    path: '/api/teams/:id',
    summary: 'Delete a team; with members, 409 with their count unless `moveTo` or `unassign` says where they go',
    tags: teamTags,
    access: 'user',
    params: idParams,
    query: removeTeamQuery,
    status: 204,
    errors: [409],
  }),
};

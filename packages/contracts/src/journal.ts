import { z } from 'zod';
import { idParams, isoDateTime, label, objectId, ownedFields, page, pageQuery } from './common.ts';
import { defineRoute } from './http.ts';
import { ianaTimeZone } from './preferences.ts';
import { task } from './tasks.ts';

export const JOURNAL_ENTRY_MAX = 1000;
/** A summary reads at most this many hours back (a week). */
export const JOURNAL_SUMMARY_MAX_HOURS = 168;
/** Panorama's limit on the entries one suggested task cites. */
export const JOURNAL_SOURCE_MAX = 20;

/** One line: runs of whitespace (new lines included) become one space, as Panorama stores it. */
export const journalContent = z
  .string()
  .transform((raw) => raw.replace(/\s+/g, ' '))
  .pipe(label(JOURNAL_ENTRY_MAX));

export const journalEntry = ownedFields.extend({ content: z.string() }).meta({ id: 'JournalEntry' });
export type JournalEntry = z.infer<typeof journalEntry>;

export const createJournalEntryBody = z.strictObject({
  content: journalContent,
  createdAt: isoDateTime.optional().meta({
    description: 'When the line was written, now by default; undoing a delete passes the deleted entry’s',
  }),
});
export const updateJournalEntryBody = z.strictObject({ content: journalContent });

export const summarizeJournalBody = z.strictObject({
  hours: z.number().int().min(1, 'must be at least 1').max(JOURNAL_SUMMARY_MAX_HOURS, 'must be at most 168'),
  timeZone: ianaTimeZone.default('UTC').meta({ description: 'Times in the summary are written in this zone' }),
});

/** A task the model proposes from some entries, which it names by id. */
export const journalSuggestion = z.object({
  title: label(500),
  notes: z.string().max(20_000).default(''),
  projectId: objectId.nullable().default(null),
  entryIds: z.array(objectId).min(1, 'must cite an entry').max(JOURNAL_SOURCE_MAX),
});
export type JournalSuggestion = z.infer<typeof journalSuggestion>;

export const journalSummary = z
  .object({
    summary: z.string().meta({ description: 'Markdown, organised by subject, times as HH:mm in the asked zone' }),
    suggestions: z.array(journalSuggestion),
    entryCount: z.number().int().meta({ description: 'How many entries the window held' }),
  })
  .meta({ id: 'JournalSummary' });
export type JournalSummary = z.infer<typeof journalSummary>;

export const acceptSuggestionsBody = z.strictObject({
  suggestions: z.array(journalSuggestion).min(1, 'must not be empty').max(50),
});
export const acceptedSuggestions = z.object({
  created: z.array(task),
  duplicates: z.number().int().meta({ description: 'Suggestions whose entries already became a task: not created again' }),
});

export const journalEntryDeleted = z.object({ id: objectId });
export const journalCleared = z.object({ deleted: z.number().int() });

export const journalEvents = {
  'journalEntry.created': journalEntry,
  'journalEntry.updated': journalEntry,
  'journalEntry.deleted': journalEntryDeleted,
  /** *Tout effacer*: every entry of the user is gone. */
  'journal.cleared': journalCleared,
} as const;

const tags = ['journal'] as const;

export const journalRoutes = {
  list: defineRoute({
    method: 'get',
    path: '/api/journal',
    summary: 'My journal, newest entry first',
    tags,
    access: 'user',
    query: pageQuery,
    response: page(journalEntry),
  }),
  create: defineRoute({
    method: 'post',
    path: '/api/journal',
    summary: 'Write a line in my journal',
    tags,
    access: 'user',
    body: createJournalEntryBody,
    status: 201,
    response: journalEntry,
    idempotent: true,
  }),
  update: defineRoute({
    method: 'patch',
    path: '/api/journal/:id',
    summary: 'Rewrite a line',
    tags,
    access: 'user',
    params: idParams,
    body: updateJournalEntryBody,
    response: journalEntry,
  }),
  remove: defineRoute({
    method: 'delete',
    path: '/api/journal/:id',
    summary: 'Delete a line',
    tags,
    access: 'user',
    params: idParams,
    status: 204,
  }),
  clear: defineRoute({
    method: 'delete',
    path: '/api/journal',
    summary: 'Delete my whole journal (and its search index entries)',
    tags,
    access: 'user',
    response: journalCleared,
  }),
  summarize: defineRoute({
    method: 'post',
    path: '/api/journal/summary',
    summary: 'Summarise the last hours of my journal by subject and suggest tasks (language model)',
    tags,
    access: 'user',
    body: summarizeJournalBody,
    response: journalSummary,
    errors: [502, 503],
  }),
  accept: defineRoute({
    method: 'post',
    path: '/api/journal/suggestions',
    summary: 'Create tasks from suggestions; entries already turned into a task are not turned again',
    tags,
    access: 'user',
    body: acceptSuggestionsBody,
    status: 201,
    response: acceptedSuggestions,
  }),
};

import { z } from 'zod';
import { idParams, isoDateTime, label, objectId, ownedFields, page, pageQuery } from './common.ts';
import { defineRoute } from './http.ts';

/**
 * Situations (Panorama's Situation Analyzer): a tricky people or organisation situation, its
 * actors (a person of Personnes or free text), notes per actor or general, interview questions
 * with the user's answers per actor, and one summary / action plan. Every document is the
 * caller's own; another user's answers 404.
 */

const shortText = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const markdown = (max: number) => z.string().max(max, `must be at most ${max} characters`); // never trimmed

export const situation = ownedFields
  .extend({
    title: z.string(),
    description: z.string().meta({ description: 'Markdown; what the actor extraction reads' }),
  })
  .meta({ id: 'Situation' });
export type Situation = z.infer<typeof situation>;

export const situationActor = ownedFields
  .extend({
    situationId: objectId,
    personId: objectId.nullable().meta({ description: 'A person of Personnes; at most one actor per person in a situation' }),
    name: z.string().meta({ description: "Display name (a snapshot of the person's when linked)" }),
    role: z.string().meta({ description: 'Role in the company (a snapshot of the person’s when linked)' }),
    situationRole: z.string().meta({ description: 'Role in this situation' }),
  })
  .meta({ id: 'SituationActor' });
export type SituationActor = z.infer<typeof situationActor>;

export const situationNote = ownedFields
  .extend({
    situationId: objectId,
    actorId: objectId.nullable().meta({ description: 'The actor it is about; null for a general note' }),
    content: z.string().meta({ description: 'Markdown' }),
  })
  .meta({ id: 'SituationNote' });
export type SituationNote = z.infer<typeof situationNote>;

export const situationQuestion = z.object({
  q: z.string().meta({ description: 'The question' }),
  r: z.string().meta({ description: "The user's answer; empty until answered" }),
});
export type SituationQuestion = z.infer<typeof situationQuestion>;

/** One document per actor: its questions in order, each with the user's answer. */
export const situationQuestions = ownedFields
  .extend({
    situationId: objectId,
    actorId: objectId,
    questions: z.array(situationQuestion),
  })
  .meta({ id: 'SituationQuestions' });
export type SituationQuestions = z.infer<typeof situationQuestions>;

/** One per situation, replaced when generated again. */
export const situationSummary = ownedFields
  .extend({
    situationId: objectId,
    text: z.string().meta({ description: 'Summary and action plan (Markdown)' }),
  })
  .meta({ id: 'SituationSummary' });
export type SituationSummary = z.infer<typeof situationSummary>;

/** The AI actions; each runs as a durable job whose state the situation carries. */
export const situationAiKinds = ['extractActors', 'generateQuestions', 'generateSummary'] as const;
export const situationAiKind = z.enum(situationAiKinds);
export type SituationAiKind = z.infer<typeof situationAiKind>;

/**
 * Why a job failed, for clients to word it:
 * - `malformed-answer`: the model's answer was not the JSON asked for, twice;
 * - `timeout`: the model did not answer in time;
 * - `model-failed`: the model server refused or could not be reached;
 * - `no-model`: no language model is configured (any more);
 * - `no-actors`: questions were asked for a situation without actors;
 * - `internal`: anything else (logged with the job).
 */
export const situationAiFailureReasons = [
  'malformed-answer',
  'timeout',
  'model-failed',
  'no-model',
  'no-actors',
  'internal',
] as const;

export const situationAiJob = z
  .object({
    situationId: objectId,
    kind: situationAiKind,
    status: z.enum(['queued', 'running', 'done', 'failed']),
    error: z
      .object({ reason: z.enum(situationAiFailureReasons), detail: z.string() })
      .nullable()
      .meta({ description: 'Why it failed; null unless `failed`. Nothing of a failed job is applied' }),
    queuedAt: isoDateTime,
    finishedAt: isoDateTime.nullable(),
  })
  .meta({ id: 'SituationAiJob' });
export type SituationAiJob = z.infer<typeof situationAiJob>;

/** A situation with everything it holds, in one answer. */
export const situationDetail = z
  .object({
    situation,
    actors: z.array(situationActor).meta({ description: 'Oldest first' }),
    notes: z.array(situationNote).meta({ description: 'Oldest first' }),
    questions: z.array(situationQuestions).meta({ description: 'One per actor that has questions' }),
    summary: situationSummary.nullable(),
    aiJobs: z.array(situationAiJob).meta({ description: 'The latest job of each kind that ran (at most one per kind)' }),
    aiAvailable: z.boolean().meta({ description: 'False when no language model is configured: the AI actions answer 503' }),
  })
  .meta({ id: 'SituationDetail' });
export type SituationDetail = z.infer<typeof situationDetail>;

const situationFields = {
  title: label(200),
  description: markdown(50_000),
};
export const createSituationBody = z.strictObject({
  title: situationFields.title.default('Nouvelle situation'),
  description: situationFields.description.default(''),
});
export const updateSituationBody = z
  .strictObject(z.object(situationFields).partial().shape)
  .refine((b) => Object.keys(b).length > 0, 'nothing to update')
  .meta({ minProperties: 1 });

export const listSituationsQuery = pageQuery.extend({
  q: z.string().trim().max(200).optional().meta({ description: 'Case-insensitive match on the title' }),
});

const actorFields = {
  personId: objectId.nullable().meta({ description: 'Link to a person of mine; name and role default to theirs' }),
  name: label(200),
  role: shortText(200),
  situationRole: shortText(500),
};
/** With a `personId`, `name` and `role` may be left out: the person's are copied. */
export const createActorBody = z.strictObject({
  personId: actorFields.personId.default(null),
  name: actorFields.name.optional(),
  role: actorFields.role.optional(),
  situationRole: actorFields.situationRole.default(''),
});
export const updateActorBody = z
  .strictObject(z.object(actorFields).partial().shape)
  .refine((b) => Object.keys(b).length > 0, 'nothing to update')
  .meta({ minProperties: 1 });

export const createSituationNoteBody = z.strictObject({
  actorId: objectId.nullable().default(null).meta({ description: 'An actor of this situation; null for a general note' }),
  content: markdown(100_000),
});
export const updateSituationNoteBody = z
  .strictObject({ actorId: objectId.nullable().optional(), content: markdown(100_000).optional() })
  .refine((b) => Object.keys(b).length > 0, 'nothing to update')
  .meta({ minProperties: 1 });

export const putQuestionsBody = z.strictObject({
  questions: z
    .array(z.strictObject({ q: label(2000), r: markdown(20_000).default('') }))
    .max(100, 'must hold at most 100 questions'),
});
export const putSummaryBody = z.strictObject({ text: markdown(100_000) });

export const situationParams = idParams;
export const actorParams = z.strictObject({ id: objectId, actorId: objectId });
export const situationNoteParams = z.strictObject({ id: objectId, noteId: objectId });
export const aiParams = z.strictObject({ id: objectId, kind: situationAiKind });

export const situationDeleted = z.object({ id: objectId });
export const situationChildDeleted = z.object({ id: objectId, situationId: objectId });

/** Every event goes to the owner alone. */
export const situationEvents = {
  'situation.created': situation,
  'situation.updated': situation,
  /** Hidden at once; its content is removed by a background job. */
  'situation.deleted': situationDeleted,
  'situationActor.created': situationActor,
  'situationActor.updated': situationActor,
  /** Its notes and questions are gone too (no event for each). */
  'situationActor.deleted': situationChildDeleted,
  'situationNote.created': situationNote,
  'situationNote.updated': situationNote,
  'situationNote.deleted': situationChildDeleted,
  /** An actor's questions written (by the user or by the AI): the whole document. */
  'situationQuestions.updated': situationQuestions,
  'situationQuestions.deleted': situationChildDeleted,
  'situationSummary.updated': situationSummary,
  'situationSummary.deleted': situationChildDeleted,
  /** An AI job queued, started, done or failed. A done job's changes arrive as their own events first. */
  'situationAi.updated': situationAiJob,
} as const;

const tags = ['situations'] as const;

export const situationRoutes = {
  list: defineRoute({
    method: 'get',
    path: '/api/situations',
    summary: 'My situations, most recently changed first',
    tags,
    access: 'user',
    query: listSituationsQuery,
    response: page(situation),
  }),
  create: defineRoute({
    method: 'post',
    path: '/api/situations',
    summary: 'Start a situation',
    tags,
    access: 'user',
    body: createSituationBody,
    status: 201,
    response: situation,
    idempotent: true,
  }),
  get: defineRoute({
    method: 'get',
    path: '/api/situations/:id',
    summary: 'One situation with its actors, notes, questions, summary and AI jobs',
    tags,
    access: 'user',
    params: situationParams,
    response: situationDetail,
  }),
  update: defineRoute({
    method: 'patch',
    path: '/api/situations/:id',
    summary: 'Rename a situation or change its description',
    tags,
    access: 'user',
    params: situationParams,
    body: updateSituationBody,
    response: situation,
  }),
  remove: defineRoute({
    method: 'delete',
    path: '/api/situations/:id',
    summary: 'Delete a situation: hidden at once, its actors, notes, questions and summary removed in the background',
    tags,
    access: 'user',
    params: situationParams,
    status: 204,
  }),
  createActor: defineRoute({
    method: 'post',
    path: '/api/situations/:id/actors',
    summary: 'Add an actor, linked to a person of mine or free text (409 when that person is already an actor here)',
    tags,
    access: 'user',
    params: situationParams,
    body: createActorBody,
    status: 201,
    response: situationActor,
    errors: [409],
  }),
  updateActor: defineRoute({
    method: 'patch',
    path: '/api/situations/:id/actors/:actorId',
    summary: 'Change an actor (409 when the person linked is already another actor here)',
    tags,
    access: 'user',
    params: actorParams,
    body: updateActorBody,
    response: situationActor,
    errors: [409],
  }),
  removeActor: defineRoute({
    method: 'delete',
    path: '/api/situations/:id/actors/:actorId',
    summary: 'Remove an actor with its notes and questions',
    tags,
    access: 'user',
    params: actorParams,
    status: 204,
  }),
  createNote: defineRoute({
    method: 'post',
    path: '/api/situations/:id/notes',
    summary: 'Add a note, about an actor or general',
    tags,
    access: 'user',
    params: situationParams,
    body: createSituationNoteBody,
    status: 201,
    response: situationNote,
  }),
  updateNote: defineRoute({
    method: 'patch',
    path: '/api/situations/:id/notes/:noteId',
    summary: 'Edit a note or move it to another actor (or general)',
    tags,
    access: 'user',
    params: situationNoteParams,
    body: updateSituationNoteBody,
    response: situationNote,
  }),
  removeNote: defineRoute({
    method: 'delete',
    path: '/api/situations/:id/notes/:noteId',
    summary: 'Delete a note',
    tags,
    access: 'user',
    params: situationNoteParams,
    status: 204,
  }),
  putQuestions: defineRoute({
    method: 'put',
    path: '/api/situations/:id/actors/:actorId/questions',
    summary: "Write an actor's questions and answers (the whole list, in order)",
    tags,
    access: 'user',
    params: actorParams,
    body: putQuestionsBody,
    response: situationQuestions,
  }),
  removeQuestions: defineRoute({
    method: 'delete',
    path: '/api/situations/:id/actors/:actorId/questions',
    summary: "Delete an actor's questions",
    tags,
    access: 'user',
    params: actorParams,
    status: 204,
  }),
  putSummary: defineRoute({
    method: 'put',
    path: '/api/situations/:id/summary',
    summary: 'Write the summary / action plan',
    tags,
    access: 'user',
    params: situationParams,
    body: putSummaryBody,
    response: situationSummary,
  }),
  removeSummary: defineRoute({
    method: 'delete',
    path: '/api/situations/:id/summary',
    summary: 'Delete the summary',
    tags,
    access: 'user',
    params: situationParams,
    status: 204,
  }),
  runAi: defineRoute({
    method: 'post',
    path: '/api/situations/:id/ai/:kind',
    summary:
      'Queue an AI action: `extractActors` (actors from the description, people created when unknown), ' +
      '`generateQuestions` (5 to 7 neutral questions per actor, merged with the earlier ones), `generateSummary`. ' +
      'Its state comes back and then as `situationAi.updated` events; while one of that kind is queued or running, ' +
      'that one is answered. 503 when no language model is configured',
    tags,
    access: 'user',
    params: aiParams,
    status: 202,
    response: situationAiJob,
    errors: [503],
  }),
};

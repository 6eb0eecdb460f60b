import { z } from 'zod';
import { isoDateTime, objectId } from './common.ts';
import { defineRoute } from './http.ts';

/**
 * What the search index holds; a module adds its kind here, and clients list kinds from this
 * array (the web client only adds the kind's label strings).
 */
export const searchKinds = [
  'project',
  'task',
  'note',
  'session',
  'line',
  'link',
  'message',
  'file',
  'person',
  'budget',
  'situation',
  'event',
  'journal',
] as const;
export const searchKind = z.enum(searchKinds);
export type SearchKind = z.infer<typeof searchKind>;

const kindList = z
  .string()
  .transform((raw) => raw.split(',').filter(Boolean))
  .pipe(z.array(searchKind).max(searchKind.options.length));

export const searchQuery = z.strictObject({
  q: z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters'),
  kinds: kindList.optional().meta({ description: 'Comma-separated kinds to search (all by default)' }),
  projectId: objectId.optional().meta({ description: 'Only this project (one you are a member of)' }),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const searchHit = z
  .object({
    kind: searchKind,
    id: objectId,
    title: z.string(),
    snippet: z.string().meta({ description: 'Whitespace-collapsed excerpt around the best match' }),
    highlights: z
      .array(z.object({ start: z.number().int(), end: z.number().int() }))
      .meta({ description: 'Matched ranges in `snippet` (UTF-16 offsets, end exclusive)' }),
    score: z.number().meta({ description: 'Fused rank score: higher is better, comparable within one answer only' }),
    projectId: objectId.nullable(),
    target: z.string().meta({
      description:
        'The web app path that opens the item (`/notes/<id>`, `/chat/<roomId>?message=<id>`…); every client maps these paths to its screens',
    }),
    updatedAt: isoDateTime,
  })
  .meta({ id: 'SearchHit' });
export type SearchHit = z.infer<typeof searchHit>;

export const searchResults = z.object({
  items: z.array(searchHit),
  semantic: z.boolean().meta({ description: 'False when the embedding provider failed and only keywords matched' }),
});

const reachability = z.object({ reachable: z.boolean(), error: z.string().nullable() });

export const aiStatus = z
  .object({
    embeddings: reachability.extend({
      provider: z.enum(['local', 'ollama', 'openai']),
      model: z.string(),
      dimension: z.number().int().nullable(),
      description: z.string().meta({ description: 'What the provider is, e.g. "deterministic hashing embedder (offline)"' }),
    }),
    vectorStore: reachability.extend({ kind: z.enum(['embedded', 'qdrant']), collection: z.string() }),
    chat: z.object({ provider: z.enum(['none', 'ollama', 'openai']), model: z.string().nullable() }),
    summary: z.object({ provider: z.enum(['none', 'ollama', 'openai']), model: z.string().nullable() }),
    queue: z.object({
      pending: z.number().int(),
      failed: z.number().int().meta({ description: 'Dead-lettered items (gave up after retries)' }),
      lastError: z
        .object({
          kind: z.string(),
          id: z.string().nullable().meta({ description: 'The failing item: shown to administrators only, null for others' }),
          reason: z.string().nullable().meta({ description: 'Why it failed: shown to administrators only, null for others' }),
          at: isoDateTime,
        })
        .nullable(),
    }),
  })
  .meta({ id: 'AiStatus' });
export type AiStatus = z.infer<typeof aiStatus>;

export const collectionInfo = z.object({
  collection: z.string(),
  model: z.string(),
  dimension: z.number().int().nullable(),
  counts: z.record(z.string(), z.number().int()).meta({ description: 'Items I can find, per kind' }),
});

const tags = ['search'] as const;

export const searchRoutes = {
  search: defineRoute({
    method: 'get',
    path: '/api/search',
    summary: 'Search everything I can see: vector similarity fused with keyword matches',
    tags,
    access: 'user',
    query: searchQuery,
    response: searchResults,
    errors: [404],
  }),
  aiStatus: defineRoute({
    method: 'get',
    path: '/api/search/ai-status',
    summary: 'Embedding provider, vector store, language models and indexing queue health',
    tags,
    access: 'user',
    response: aiStatus,
  }),
  collectionInfo: defineRoute({
    method: 'get',
    path: '/api/search/collection-info',
    summary: 'The active vector collection and how many of my items it holds per kind',
    tags,
    access: 'user',
    response: collectionInfo,
  }),
};

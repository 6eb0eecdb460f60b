import { z } from 'zod';
import { objectId } from './common.ts';
import { defineRoute } from './http.ts';
import type { RouteContract } from './http.ts';
import { link } from './links.ts';
import { noteSession } from './note-sessions.ts';
import { note } from './notes.ts';
import { project } from './projects.ts';
import { task } from './tasks.ts';

/** A note as the replica holds it: everything but the content, which is read when the note opens. */
export const noteSummary = note.omit({ content: true }).meta({ id: 'NoteSummary' });
export type NoteSummary = z.infer<typeof noteSummary>;

/**
 * A point in a collection's history, opaque to clients: pass back the `version` of the last answer.
 * Bounded so that no query string carries an arbitrary blob.
 */
export const syncVersion = z
  .string()
  .regex(/^[A-Za-z\d_-]{1,64}$/, 'is not a version given by the server')
  .meta({ description: 'The `version` of the previous answer', example: 'mb2x9k0' });

export const syncQuery = z.strictObject({
  since: syncVersion.optional().meta({ description: 'Only what changed after this version; absent: the whole collection' }),
});

/**
 * One collection's changes for the caller. Without `since`: every item the caller sees (a snapshot,
 * `removed` empty). With `since`: the items created or changed since then, and the ids of those
 * deleted or gone out of the caller's sight (moved to a project they are not in, their project left
 * or deleted). A `since` older than the server keeps tombstones for answers 410: take a snapshot.
 */
export const syncChanges = <T extends z.ZodType>(item: T) =>
  z
    .object({
      version: syncVersion.meta({
        description:
          'Pass it as `since` next time. Taken before the answer was read, so a change made meanwhile comes again next time',
      }),
      items: z.array(item).meta({
        description:
          'Snapshot: every item the caller sees. Changes: those created or changed from a little before `since` on ' +
          '(an item may come again: upsert by id), and all the content of projects the caller joined since then',
      }),
      removed: z.array(objectId).meta({
        description:
          'Ids to drop: deleted, or gone out of sight (moved to a project the caller is not in; for projects, one they left ' +
          'or that was deleted). Apply before `items`: an id in both is present. Always empty in a snapshot',
      }),
    })
    .meta({
      description:
        'Keep the socket connected before asking: live events cover what this answer cannot. Content (tasks, notes, ' +
        'sessions) whose project is no longer in the projects collection is dropped by the client: removing a member or ' +
        'deleting a project sends only the project id. A 410 (sync-expired) means ask again without `since`',
    });

/** The collections the web client keeps a live local copy of, with the item each holds. */
export const syncedItems = {
  projects: project,
  tasks: task,
  notes: noteSummary,
  noteSessions: noteSession,
  links: link,
} as const;
export type SyncCollection = keyof typeof syncedItems;
export const syncCollections = Object.keys(syncedItems) as SyncCollection[];
export type SyncedItem<C extends SyncCollection> = z.infer<(typeof syncedItems)[C]>;

const syncRoute = <C extends SyncCollection>(collection: C) =>
  defineRoute({
    method: 'get',
    path: `/api/sync/${collection}`,
    summary: `The ${collection} I see, or what changed in them since a version (live local copy)`,
    tags: ['sync'],
    access: 'user',
    query: syncQuery,
    response: syncChanges(syncedItems[collection]),
    errors: [410],
  }) satisfies RouteContract;

export const syncRoutes = {
  projects: syncRoute('projects'),
  tasks: syncRoute('tasks'),
  notes: syncRoute('notes'),
  noteSessions: syncRoute('noteSessions'),
  links: syncRoute('links'),
};

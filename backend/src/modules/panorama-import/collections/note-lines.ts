import { NoteLineModel } from '../../notes/sessions.model.ts';
import { lineSearch } from '../../notes/sessions.search.ts';
import { Hold } from '../mapping.ts';
import type { Mapping } from '../mapping.ts';
import { COMMON_FIELDS, idOf, text, timestamps } from '../mapping.ts';
import { orderKey } from '../order-key.ts';
import { reason } from '../reasons.ts';

export const noteLinesMapping: Mapping = {
  collection: 'noteLines',
  model: NoteLineModel,
  searchKind: lineSearch.kind,
  known: [...COMMON_FIELDS, 'sessionId', 'projectId', 'content'],
  map(doc, ctx) {
    const sessionId = ctx.ref('noteSessions', doc.sessionId, 'sessionId');
    // A line lives in its session; without one our app could never show it, so it waits, whole, in the holding collection.
    if (!sessionId) return new Hold(reason('sessionNotInArchive'));
    const times = timestamps(doc, ctx);
    return {
      sessionId,
      projectId: ctx.ref('projects', doc.projectId, 'projectId'),
      content: text(doc.content),
      // Panorama shows a session's lines by creation time.
      rank: orderKey(times.createdAt.getTime(), idOf(this, doc)),
      ...times,
    };
  },
};

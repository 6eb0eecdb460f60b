import { NoteSessionModel } from '../../notes/sessions.model.ts';
import { sessionSearch } from '../../notes/sessions.search.ts';
import type { Mapping } from '../mapping.ts';
import { COMMON_FIELDS, dateOrNull, text, textOrNull, timestamps } from '../mapping.ts';

/** The coach fields and the structured summary have no home in our sessions: they stay under extra. */
export const noteSessionsMapping: Mapping = {
  collection: 'noteSessions',
  model: NoteSessionModel,
  searchKind: sessionSearch.kind,
  known: [...COMMON_FIELDS, 'projectId', 'name', 'aiSummary', 'aiSummaryAt'],
  map(doc, ctx) {
    return {
      projectId: ctx.ref('projects', doc.projectId, 'projectId'),
      name: text(doc.name),
      aiSummary: textOrNull(doc.aiSummary),
      aiSummaryAt: dateOrNull(doc.aiSummaryAt),
      closedAt: null,
      ...timestamps(doc, ctx),
    };
  },
};

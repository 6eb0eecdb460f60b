import { NoteModel } from '../../notes/model.ts';
import { noteSearch } from '../../notes/search.ts';
import type { Mapping } from '../mapping.ts';
import { COMMON_FIELDS, text, timestamps } from '../mapping.ts';
import { reason } from '../reasons.ts';

export const notesMapping: Mapping = {
  collection: 'notes',
  model: NoteModel,
  searchKind: noteSearch.kind,
  known: [...COMMON_FIELDS, 'projectId', 'title', 'content'],
  map(doc, ctx) {
    // Our notes need a title; Panorama allowed an empty one (its list showed "Untitled").
    const title = text(doc.title).trim();
    if (title === '') ctx.fix(reason('noteNoTitle'));
    return {
      projectId: ctx.ref('projects', doc.projectId, 'projectId'),
      title: title || 'Sans titre',
      content: text(doc.content), // never trimmed: kept byte for byte
      ...timestamps(doc, ctx),
    };
  },
};

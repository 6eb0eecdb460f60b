import { FileModel } from '../../files/model.ts';
import { fileSearch } from '../../files/search.ts';
import type { Mapping } from '../mapping.ts';
import { COMMON_FIELDS, dateOrNull, numberOrNull, text, timestamps } from '../mapping.ts';

/** Metadata only: the bytes come from `--files-dir`, matched by `storedFileName` (see files-dir.ts). */
export const filesMapping: Mapping = {
  collection: 'files',
  model: FileModel,
  searchKind: fileSearch.kind,
  known: [
    ...COMMON_FIELDS,
    ...['projectId', 'name', 'originalName', 'storedFileName', 'size', 'mimeType', 'clicksCount', 'lastClickedAt'],
  ],
  map(doc, ctx) {
    return {
      projectId: ctx.ref('projects', doc.projectId, 'projectId'), // '__none__' (no project) gives null
      roomId: null,
      messageId: null,
      name: text(doc.name) || text(doc.originalName),
      originalName: text(doc.originalName) || text(doc.name),
      storedFileName: text(doc.storedFileName),
      size: numberOrNull(doc.size) ?? 0,
      mimeType: text(doc.mimeType) || 'application/octet-stream',
      clicksCount: numberOrNull(doc.clicksCount) ?? 0,
      lastClickedAt: dateOrNull(doc.lastClickedAt),
      ...timestamps(doc, ctx),
    };
  },
};

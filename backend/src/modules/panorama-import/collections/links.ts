import { LinkModel } from '../../links/model.ts';
import { linkSearch } from '../../links/search.ts';
import type { Mapping } from '../mapping.ts';
import { COMMON_FIELDS, dateOrNull, numberOrNull, text, timestamps } from '../mapping.ts';

export const linksMapping: Mapping = {
  collection: 'links',
  model: LinkModel,
  searchKind: linkSearch.kind,
  known: [...COMMON_FIELDS, 'projectId', 'name', 'url', 'clicksCount', 'lastClickedAt'],
  map(doc, ctx) {
    return {
      projectId: ctx.ref('projects', doc.projectId, 'projectId'),
      name: text(doc.name),
      url: text(doc.url),
      clicksCount: numberOrNull(doc.clicksCount) ?? 0,
      lastClickedAt: dateOrNull(doc.lastClickedAt),
      ...timestamps(doc, ctx),
    };
  },
};

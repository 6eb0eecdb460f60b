import { TeamModel } from '../../teams/model.ts';
import type { Mapping } from '../mapping.ts';
import { COMMON_FIELDS, text, timestamps } from '../mapping.ts';

export const teamsMapping: Mapping = {
  collection: 'teams',
  model: TeamModel,
  known: [...COMMON_FIELDS, 'name'],
  map: (doc, ctx) => ({ name: text(doc.name), ...timestamps(doc, ctx) }),
};

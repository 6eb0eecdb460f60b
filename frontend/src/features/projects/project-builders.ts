import type { Project } from '@panoramix/contracts';
import { entityBase, orderKeyOf } from '../../test-builders.ts';

/** A project with sensible defaults for tests; its owner is its only member unless told otherwise. */
export function aProject(overrides: Partial<Project> = {}): Project {
  const { n, ...base } = entityBase();
  return {
    ...base,
    memberIds: [base.userId],
    members: [{ id: base.userId, username: 'owner', displayName: 'Owner' }],
    name: `project ${n}`,
    description: '',
    status: '',
    targetDate: null,
    healthFlag: null,
    colorLabel: null,
    isFavorite: false,
    favoriteRank: null,
    rank: orderKeyOf(n),
    ...overrides,
  };
}

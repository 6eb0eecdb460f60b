import type { Task } from '@panoramix/contracts';
import { entityBase, orderKeyOf } from '../../test-builders.ts';

/** A task with sensible defaults for tests; each test overrides only what it is about. */
export function aTask(overrides: Partial<Task> = {}): Task {
  const { n, ...base } = entityBase();
  return {
    ...base,
    projectId: null,
    title: `task ${n}`,
    notes: '',
    status: 'todo',
    statusChangedAt: base.createdAt,
    deadline: null,
    isUrgent: false,
    isImportant: false,
    rank: orderKeyOf(n),
    tags: [],
    ...overrides,
  };
}

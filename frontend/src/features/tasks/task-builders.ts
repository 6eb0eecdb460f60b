import type { Task } from '@panoramix/contracts';
import { entityBase } from '../../test-builders.ts';

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
    rank: `c${String(n).padStart(3, '0')}`, // an order key; builders number up to 999
    tags: [],
    ...overrides,
  };
}

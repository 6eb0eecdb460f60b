import type { NoteSession, NoteSummary, Project, Task } from '@panoramix/contracts';

let sequence = 0;

/** What every stored entity has, unique per call, for the test builders of each feature. */
export function entityBase() {
  sequence += 1;
  const at = '2026-11-25T10:00:00.000Z';
  return { id: sequence.toString(16).padStart(24, '0'), userId: 'a'.repeat(24), createdAt: at, updatedAt: at, n: sequence };
}

let clock = Date.parse('2026-11-26T10:00:00.000Z');

/** The server's next version of an item: the changes, and a later `updatedAt` than any before. */
export function edited<T extends { updatedAt: string }>(item: T, changes: Partial<T> = {}): T {
  clock += 1000;
  return { ...item, ...changes, updatedAt: new Date(clock).toISOString() };
}

/** A list read page by page as the query cache holds it (see api/paged-list.ts): here one page, the whole list. */
export const pagedData = <T>(items: T[]) => ({ pages: [{ items, nextCursor: null }], pageParams: [null] });

/** The `n`-th order key (ranks are order keys): `c000`, `c001`… sort as `n` does, up to 999. */
export const orderKeyOf = (n: number) => `c${String(n).padStart(3, '0')}`;

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
    assigneeId: null,
    estimate: null,
    actual: null,
    source: null,
    ...overrides,
  };
}

/** A note as the replica holds it (no content), with sensible defaults for tests. */
export function aNoteSummary(overrides: Partial<NoteSummary> = {}): NoteSummary {
  const { n, ...base } = entityBase();
  return { ...base, projectId: null, title: `note ${n}`, ...overrides };
}

/** A note session with sensible defaults for tests: open, unnamed, not summarised. */
export function aNoteSession(overrides: Partial<NoteSession> = {}): NoteSession {
  const { n: _n, ...base } = entityBase();
  return { ...base, projectId: null, name: '', aiSummary: null, aiSummaryAt: null, closedAt: null, ...overrides };
}

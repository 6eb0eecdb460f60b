import type { Link, NoteSession, NoteSummary, Project, Task } from '@panoramix/contracts';

export type ActivityKind = 'task' | 'note' | 'noteSession' | 'link';

export interface ActivityItem {
  kind: ActivityKind;
  id: string;
  title: string;
  at: string;
  /** Never edited since it was written: who wrote it is known (its creator); who edited it is not. */
  created: boolean;
  by: string | null;
  /** Where it opens in the app, when it has a place. */
  to: string | null;
}

export interface ActivitySource {
  tasks: readonly Task[];
  notes: readonly NoteSummary[];
  noteSessions: readonly NoteSession[];
  links: readonly Link[];
}

export const ACTIVITY_LIMIT = 20;

/**
 * A project's recent activity, from the live replica rather than a journal: its items by last
 * change, newest first. An item whose `updatedAt` is its `createdAt` was added then, by its creator
 * (named when a member); anything later is an edit, by someone the item does not record.
 */
export function projectActivity(project: Project, source: ActivitySource): ActivityItem[] {
  const nameOf = (userId: string) => {
    const person = project.members.find((member) => member.id === userId);
    return person ? person.displayName || person.username : null;
  };
  const entry = (
    kind: ActivityKind,
    item: { id: string; userId: string; createdAt: string; updatedAt: string },
    title: string,
    to: string | null,
  ): ActivityItem => {
    const created = item.updatedAt === item.createdAt;
    return { kind, id: item.id, title, at: item.updatedAt, created, by: created ? nameOf(item.userId) : null, to };
  };
  const mine = <T extends { projectId: string | null }>(items: readonly T[]) => items.filter((i) => i.projectId === project.id);
  const items = [
    ...mine(source.tasks).map((task) => entry('task', task, task.title, `/tasks?project=${project.id}&status=all`)),
    ...mine(source.notes).map((note) => entry('note', note, note.title, `/notes/${note.id}`)),
    ...mine(source.noteSessions).map((session) => entry('noteSession', session, session.name, `/notes/sessions/${session.id}`)),
    ...mine(source.links).map((link) => entry('link', link, link.name, null)),
  ];
  return items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? 1 : -1)).slice(0, ACTIVITY_LIMIT);
}

import type { NoteSession, NoteSummary, Project, Task } from '@panoramix/contracts';
import {
  DAY_MS,
  RECENT_NOTES_DAYS,
  deadlineBounds,
  healthScore,
  isDormant,
  isDueSoon,
  isOpen,
  isOverdue,
} from '@panoramix/contracts/dashboard-rules';

export interface PortfolioSource {
  projects: readonly Project[];
  tasks: readonly Task[];
  notes: readonly NoteSummary[];
  noteSessions: readonly NoteSession[];
}

export interface ProjectHealth {
  open: number;
  done: number;
  overdue: number;
  dueSoon: number;
  recentNotes: number;
  /** The latest write seen in the project (ISO), standing in for the server's lastActivityAt. */
  lastActivityAt: string;
  dormant: boolean;
  healthScore: number;
}

const later = (a: string, b: string) => (a > b ? a : b);

/**
 * Each project's task counts, dormancy and Panorama's health score from the local replica, by the
 * server's rules (contracts' dashboard-rules.ts, as backend/src/modules/dashboard/portfolio.ts):
 * the dashboard's portfolio and the Projets tab's Panorama view read them here.
 *
 * One difference: the server records a project's last activity on every write into it, a field no
 * client receives; here it is the latest creation or edit of a task, note or session in the project
 * (never earlier than the project's creation). A deletion, or an edit of a session's lines alone,
 * does not move it until the server's answer says so.
 */
export function projectHealth(source: PortfolioSource, now: Date): Map<string, ProjectHealth> {
  const tallies = new Map(
    source.projects.map((p) => [p.id, { open: 0, done: 0, overdue: 0, dueSoon: 0, recentNotes: 0, lastActivityAt: p.createdAt }]),
  );
  const tallyOf = (item: { projectId: string | null; updatedAt: string }) => {
    const tally = item.projectId === null ? undefined : tallies.get(item.projectId);
    if (tally) tally.lastActivityAt = later(tally.lastActivityAt, item.updatedAt);
    return tally;
  };
  const bounds = deadlineBounds(now);
  for (const task of source.tasks) {
    const tally = tallyOf(task);
    if (!tally) continue;
    if (isOpen(task)) tally.open += 1;
    if (task.status === 'done') tally.done += 1;
    if (isOverdue(task, bounds)) tally.overdue += 1;
    if (isDueSoon(task, bounds)) tally.dueSoon += 1;
  }
  const notesSince = new Date(now.getTime() - RECENT_NOTES_DAYS * DAY_MS).toISOString();
  for (const note of source.notes) {
    const tally = tallyOf(note);
    if (tally && note.createdAt >= notesSince) tally.recentNotes += 1;
  }
  for (const session of source.noteSessions) tallyOf(session);

  const health = new Map<string, ProjectHealth>();
  for (const p of source.projects) {
    const tally = tallies.get(p.id)!;
    const dormant = isDormant(new Date(p.createdAt), new Date(tally.lastActivityAt), now);
    health.set(p.id, { ...tally, dormant, healthScore: healthScore(tally.overdue, dormant, tally.recentNotes) });
  }
  return health;
}

import type { Dashboard, NoteSession, NoteSummary, Project, Task } from '@panoramix/contracts';
import {
  DAY_MS,
  RECENT_NOTES_DAYS,
  dashboardLimits,
  deadlineBounds,
  healthScore,
  isDormant,
  isDueSoon,
  isOpen,
  isOverdue,
} from '@panoramix/contracts/dashboard-rules';
import { ascending } from './local-sections.ts';

export interface PortfolioSource {
  projects: readonly Project[];
  tasks: readonly Task[];
  notes: readonly NoteSummary[];
  noteSessions: readonly NoteSession[];
}

interface Tally {
  open: number;
  done: number;
  overdue: number;
  dueSoon: number;
  recentNotes: number;
  /** The latest write seen in the project (ISO), standing in for the server's lastActivityAt. */
  lastWrite: string;
}

const later = (a: string, b: string) => (a > b ? a : b);

/**
 * The portfolio section from the local replica, by the server's rules (backend/src/modules/dashboard/portfolio.ts):
 * the first 100 projects in manual order, their task counts, and Panorama's health score.
 *
 * One difference: the server records a project's last activity on every write into it, a field no
 * client receives; here it is the latest creation or edit of a task, note or session in the project
 * (never earlier than the project's creation). A deletion, or an edit of a session's lines alone,
 * does not move it until the server's answer says so.
 */
export function portfolio(source: PortfolioSource, now: Date): Dashboard['projects'] {
  const projects = [...source.projects]
    .sort((a, b) => ascending(a.rank, b.rank) || ascending(a.id, b.id))
    .slice(0, dashboardLimits.projects);
  const tallies = new Map<string, Tally>(
    projects.map((p) => [p.id, { open: 0, done: 0, overdue: 0, dueSoon: 0, recentNotes: 0, lastWrite: p.createdAt }]),
  );
  const tallyOf = (item: { projectId: string | null; updatedAt: string }) => {
    const tally = item.projectId === null ? undefined : tallies.get(item.projectId);
    if (tally) tally.lastWrite = later(tally.lastWrite, item.updatedAt);
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

  return projects.map((p) => {
    const { open, done, overdue, dueSoon, recentNotes, lastWrite } = tallies.get(p.id)!;
    const dormant = isDormant(new Date(p.createdAt), new Date(lastWrite), now);
    return {
      id: p.id,
      name: p.name,
      colorLabel: p.colorLabel,
      healthFlag: p.healthFlag,
      open,
      done,
      overdue,
      dueSoon,
      progress: open + done === 0 ? 0 : done / (open + done),
      lastActivityAt: lastWrite,
      healthScore: healthScore(overdue, dormant, recentNotes),
    };
  });
}

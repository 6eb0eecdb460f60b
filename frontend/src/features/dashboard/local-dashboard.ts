import type { Dashboard } from '@panoramix/contracts';
import { activityWindowMs } from '@panoramix/contracts/dashboard-rules';
import { portfolio } from './local-portfolio.ts';
import type { PortfolioSource } from './local-portfolio.ts';
import { activity, dueSoonTasks, overdueTasks, recentNotes, taskCounts } from './local-sections.ts';

export type DashboardSource = PortfolioSource;

/** What GET /api/dashboard answers, computed from the replicated collections with no request. */
export function localDashboard(source: DashboardSource, window: Dashboard['window'], now: Date): Dashboard {
  return {
    generatedAt: now.toISOString(),
    window,
    taskCounts: taskCounts(source.tasks),
    overdueTasks: overdueTasks(source.tasks, now),
    dueSoonTasks: dueSoonTasks(source.tasks, now),
    recentNotes: recentNotes(source.notes),
    projects: portfolio(source, now),
    activity: activity(source, new Date(now.getTime() - activityWindowMs[window])),
  };
}

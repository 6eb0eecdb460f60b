import type { Dashboard } from '@panoramix/contracts';
import { dashboardLimits } from '@panoramix/contracts/dashboard-rules';
import { projectHealth } from '../../api/project-health.ts';
import type { PortfolioSource } from '../../api/project-health.ts';
import { ascending } from './local-sections.ts';

export type { PortfolioSource };

/**
 * The portfolio section from the local replica, by the server's rules (backend/src/modules/dashboard/portfolio.ts):
 * the first 100 projects in manual order, their task counts, and Panorama's health score (api/project-health.ts).
 */
export function portfolio(source: PortfolioSource, now: Date): Dashboard['projects'] {
  const projects = [...source.projects]
    .sort((a, b) => ascending(a.rank, b.rank) || ascending(a.id, b.id))
    .slice(0, dashboardLimits.projects);
  const health = projectHealth({ ...source, projects }, now);
  return projects.map((p) => {
    const { open, done, overdue, dueSoon, lastActivityAt, healthScore } = health.get(p.id)!;
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
      lastActivityAt,
      healthScore,
    };
  });
}

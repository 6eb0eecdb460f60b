import type { Project } from '@panoramix/contracts';
import { DORMANT_AFTER_DAYS } from '@panoramix/contracts/dashboard-rules';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { healthFlags } from 'virtual:panoramix/contracts';
import { projectHealth } from '../../api/project-health.ts';
import { useReplica } from '../../api/replica/use-replica.ts';
import { DataList } from '../../ui/data-list.tsx';
import type { queryState } from '../../ui/load-state.tsx';
import { useFormat } from '../../ui/format.ts';
import { ColorDot, projectPath } from '../../ui/project-chips.tsx';
import { Link } from '../../ui/link.tsx';
import { useSortable } from '../../ui/use-sortable.ts';
import type { ProjectHealth } from '../../api/project-health.ts';
import { useProjectOperations } from './use-projects.ts';

const scoreLevel = (score: number) => (score >= 70 ? 'good' : score >= 40 ? 'fair' : 'poor');

function PortfolioRow({ project, health }: { project: Project; health: ProjectHealth | undefined }) {
  const { t } = useTranslation('projects');
  const { t: tc } = useTranslation();
  const format = useFormat();
  const { update } = useProjectOperations();
  const { name } = project;
  return (
    <div className="portfolio-row">
      <ColorDot color={project.colorLabel} />
      <div className="project-main">
        <Link to={projectPath(project.id)} className="project-name">
          {name}
        </Link>
        {health && (
          <span className="project-meta muted">
            {t('openCount', { count: health.open })} · {t('overdueCount', { count: health.overdue })} ·{' '}
            {t('lastActivity', { date: format.dateTime(health.lastActivityAt) })}
          </span>
        )}
      </div>
      {health?.dormant && (
        <span className="chip" title={t('dormantHint', { days: DORMANT_AFTER_DAYS })}>
          {t('dormant')}
        </span>
      )}
      {health && (
        <span className="health-score" data-level={scoreLevel(health.healthScore)}>
          {t('healthScore', { score: health.healthScore })}
        </span>
      )}
      <select
        className="select select-compact"
        data-flag={project.healthFlag ?? 'none'}
        aria-label={t('manualStatus', { name })}
        value={project.healthFlag ?? ''}
        onChange={(e) => update.mutate({ id: project.id, healthFlag: (e.target.value || null) as Project['healthFlag'] })}
      >
        {['', ...healthFlags].map((flag) => (
          <option key={flag} value={flag}>
            {tc(`projects.healthFlags.${(flag || 'none') as 'none'}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * Panorama's portfolio (spec §1.19): every project in manual order with its computed health score
 * and dormancy (the contracts' rules, from the replica: live, no request) and its manual status,
 * reordered by drag or Alt+↑ / Alt+↓ as the list view is (the same `rank`).
 */
export function PortfolioView({
  projects,
  state,
}: {
  projects: readonly Project[] | undefined;
  state: ReturnType<typeof queryState>;
}) {
  const { t } = useTranslation('projects');
  const { move } = useProjectOperations();
  const tasks = useReplica('tasks');
  const notes = useReplica('notes');
  const noteSessions = useReplica('noteSessions');
  const health = useMemo(
    () =>
      projectHealth(
        { projects: projects ?? [], tasks: tasks.data ?? [], notes: notes.data ?? [], noteSessions: noteSessions.data ?? [] },
        new Date(),
      ),
    [projects, tasks.data, notes.data, noteSessions.data],
  );
  const { rowProps } = useSortable(projects ?? [], move);
  return (
    <>
      <p className="muted section-hint">{t('portfolioHint')}</p>
      <DataList
        label={t('views.portfolio')}
        items={projects}
        {...state}
        empty={t('empty')}
        getKey={(p) => p.id}
        renderItem={(p) => (
          <div className="sortable-row" {...rowProps(p.id)}>
            <PortfolioRow project={p} health={health.get(p.id)} />
          </div>
        )}
      />
    </>
  );
}

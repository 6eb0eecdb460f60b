import type { Dashboard } from '@panoramix/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from '../../ui/link.tsx';
import { DashCard } from '../../ui/dash-card.tsx';
import { useFormat } from '../../ui/format.ts';
import { ColorDot, HealthChip, projectPath } from '../../ui/project-chips.tsx';

/** Panorama's portfolio: per active project, progress, counts, health flag and score, last activity. */
export function Portfolio({ projects }: { projects: Dashboard['projects'] }) {
  const { t } = useTranslation('dashboard');
  const format = useFormat();
  return (
    <DashCard
      titleId="dash-portfolio"
      title={<Link to="/projects">{t('portfolio')}</Link>}
      wide
      empty={{ when: projects.length === 0, text: t('noProjects') }}
    >
      <ul className="portfolio">
        {projects.map((p) => {
          const percent = Math.round(p.progress * 100);
          return (
            <li key={p.id} className="portfolio-item">
              <div className="portfolio-head">
                <ColorDot color={p.colorLabel} />
                <Link to={projectPath(p.id)} className="portfolio-name">
                  {p.name}
                </Link>
                <HealthChip flag={p.healthFlag} />
              </div>
              <div
                className="progress"
                role="progressbar"
                aria-label={p.name}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={percent}
                aria-valuetext={t('progress', { percent })}
              >
                <span style={{ width: `${percent}%` }} />
              </div>
              <span className="health-score" data-level={p.healthScore >= 70 ? 'good' : p.healthScore >= 40 ? 'fair' : 'poor'}>
                {t('healthScore', { score: p.healthScore })}
              </span>
              <p className="muted portfolio-meta">
                {t('progress', { percent })} · {t('projectCounts', p)} ·{' '}
                {t('lastActivity', { date: format.dateTime(p.lastActivityAt) })}
              </p>
            </li>
          );
        })}
      </ul>
    </DashCard>
  );
}

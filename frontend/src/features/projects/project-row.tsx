import type { Project } from '@panoramix/contracts';
import { useTranslation } from 'react-i18next';
import { useCurrentUserId } from '../../app/auth/current-user.ts';
import { Button } from '../../ui/button.tsx';
import { useFormat } from '../../ui/format.ts';
import { Icon } from '../../ui/icon.tsx';
import { Link } from '../../ui/link.tsx';
import { ColorDot, HealthChip, projectPath } from '../../ui/project-chips.tsx';
import { FavoriteButton } from './favorite-button.tsx';

interface ProjectRowProps {
  project: Project;
  onDelete: () => void;
}

export function ProjectRow({ project, onDelete }: ProjectRowProps) {
  const { t } = useTranslation('projects');
  const format = useFormat();
  const me = useCurrentUserId();
  const name = project.name;
  return (
    <div className="project-row">
      <ColorDot color={project.colorLabel} />
      <div className="project-main">
        <Link to={projectPath(project.id)} className="project-name">
          {name}
        </Link>
        <span className="project-meta muted">
          {[project.status, project.targetDate && t('targetOn', { date: format.date(project.targetDate) })]
            .filter(Boolean)
            .join(' · ')}
        </span>
      </div>
      <HealthChip flag={project.healthFlag} />
      <FavoriteButton project={project} />
      {project.userId === me && (
        <Button variant="ghost" icon aria-label={t('delete', { name })} onClick={onDelete}>
          <Icon name="trash" />
        </Button>
      )}
    </div>
  );
}

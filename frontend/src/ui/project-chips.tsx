import type { Project } from '@panoramix/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from './link.tsx';

/** The project page's address: every project name in the app links there. */
export const projectPath = (id: string) => `/projects/${id}`;

/** The manual red/orange/green flag of a project, as a labelled dot (colour is never the only cue). */
export function HealthChip({ flag }: { flag: Project['healthFlag'] }) {
  const { t } = useTranslation();
  if (!flag) return null;
  return (
    <span className={`health-chip health-${flag}`}>
      <span className="health-dot" aria-hidden="true" />
      {t(`projects.healthFlags.${flag}`)}
    </span>
  );
}

/** The project's colour label, or nothing. */
export function ColorDot({ color }: { color: string | null }) {
  return <span className="color-dot" style={{ background: color ?? 'transparent' }} aria-hidden="true" data-empty={!color} />;
}

/** A project's name as a chip that opens its page. */
export function ProjectChip({ project }: { project: Pick<Project, 'id' | 'name' | 'colorLabel'> }) {
  return (
    <Link to={projectPath(project.id)} className="chip chip-link">
      <ColorDot color={project.colorLabel} />
      {project.name}
    </Link>
  );
}

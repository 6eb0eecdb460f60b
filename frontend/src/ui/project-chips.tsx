import type { Project } from '@panoramix/contracts';
import { useTranslation } from 'react-i18next';

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

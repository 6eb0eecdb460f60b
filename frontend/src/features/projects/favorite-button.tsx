import type { Project } from '@panoramix/contracts';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button.tsx';
import { Icon } from '../../ui/icon.tsx';
import { useProjectOperations } from './use-projects.ts';

/** The star that adds a project to the favourites (last starred last) or takes it out, in a row or the page's header. */
export function FavoriteButton({ project }: { project: Pick<Project, 'id' | 'name' | 'isFavorite'> }) {
  const { t } = useTranslation('projects');
  const { update } = useProjectOperations();
  return (
    <Button
      variant="ghost"
      icon
      aria-pressed={project.isFavorite}
      aria-label={t(project.isFavorite ? 'removeFavorite' : 'addFavorite', { name: project.name })}
      className="star-button"
      onClick={() =>
        update.mutate({ id: project.id, isFavorite: !project.isFavorite, favoriteRank: project.isFavorite ? null : Date.now() })
      }
    >
      <Icon name="star" />
    </Button>
  );
}

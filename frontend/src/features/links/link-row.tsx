import type { Link } from '@panoramix/contracts';
import { useTranslation } from 'react-i18next';
import { useProjectIndex } from '../../api/projects.ts';
import { Button } from '../../ui/button.tsx';
import { useFormat } from '../../ui/format.ts';
import { Icon } from '../../ui/icon.tsx';
import { ProjectChip } from '../../ui/project-chips.tsx';
import { showToast } from '../../ui/toast.tsx';
import { useLinkOperations } from './use-links.ts';
import './messages.ts';

interface LinkRowProps {
  link: Link;
  showProject?: boolean;
  /** The row the `e` key edits (link-list.tsx). */
  active?: boolean;
  onEdit: () => void;
}

/** A link: opening it counts a click; its project's chip opens the project (`showProject`). */
export function LinkRow({ link, showProject = true, active = false, onEdit }: LinkRowProps) {
  const { t } = useTranslation(['links', 'translation']);
  const format = useFormat();
  const projects = useProjectIndex();
  const { remove, click } = useLinkOperations();
  const project = showProject && link.projectId ? projects.get(link.projectId) : undefined;
  const onDelete = () => remove.mutate(link.id, { onSuccess: () => showToast(t('deleted')) });
  return (
    <div className="link-row" data-active={active || undefined}>
      <div className="link-main">
        <a href={link.url} target="_blank" rel="noopener noreferrer" onClick={() => click.mutate(link.id)}>
          {link.name}
        </a>
        <span className="link-url">{link.url}</span>
      </div>
      {project && <ProjectChip project={project} />}
      <span className="link-meta muted">
        {t('clicks', { count: link.clicksCount })} · {t('addedOn', { date: format.date(link.createdAt) })}
      </span>
      <Button variant="ghost" aria-label={t('editLabel', { name: link.name })} onClick={onEdit}>
        {t('edit')}
      </Button>
      <Button variant="ghost" icon aria-label={t('deleteLabel', { name: link.name })} onClick={onDelete}>
        <Icon name="trash" />
      </Button>
    </div>
  );
}

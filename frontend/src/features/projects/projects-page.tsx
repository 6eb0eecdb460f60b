import type { Project } from '@panoramix/contracts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, useLocation } from '../../lib/location.ts';
import { Button } from '../../ui/button.tsx';
import { DataList } from '../../ui/data-list.tsx';
import { queryState } from '../../ui/load-state.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { Icon } from '../../ui/icon.tsx';
import { Page } from '../../ui/page.tsx';
import { useSortable } from '../../ui/use-sortable.ts';
import { ProjectDeleteDialog } from './project-delete-dialog.tsx';
import { ProjectForm } from './project-form.tsx';
import { ProjectMembers } from './project-members.tsx';
import { ProjectRow } from './project-row.tsx';
import { useProjects } from '../../api/projects.ts';
import { useProjectOperations } from './use-projects.ts';
import './messages.ts';
import './projects.css';

const byFavoriteRank = (a: Project, b: Project) => (a.favoriteRank ?? 0) - (b.favoriteRank ?? 0);

/** `?new` opens the creation dialog (palette "Nouveau projet"); `?edit=<id>` a project's dialog. */
export default function ProjectsPage() {
  const { t } = useTranslation('projects');
  const { search } = useLocation();
  const projects = useProjects();
  const { move } = useProjectOperations();
  const [deleting, setDeleting] = useState<Project>();
  const items = projects.data?.items;
  const favorites = useMemo(() => (items ?? []).filter((p) => p.isFavorite).sort(byFavoriteRank), [items]);
  const { rowProps } = useSortable(items ?? [], move);

  const params = new URLSearchParams(search);
  const editing = items?.find((p) => p.id === params.get('edit'));
  const creating = params.has('new');
  const closeDialog = () => navigate('/projects', { replace: true });

  return (
    <Page
      titleId="projects-title"
      title={t('title')}
      className="projects-page"
      actions={
        <Button variant="primary" onClick={() => navigate('/projects?new')}>
          <Icon name="plus" />
          {t('new')}
        </Button>
      }
    >
      {favorites.length > 0 && (
        <nav aria-label={t('favorites')} className="favorites">
          {favorites.map((p) => (
            <button key={p.id} type="button" className="favorite-chip" onClick={() => navigate(`/projects?edit=${p.id}`)}>
              <Icon name="star" size={14} />
              {p.name}
            </button>
          ))}
        </nav>
      )}
      <h2 className="section-title">
        {t('all')} <span className="muted section-hint">{t('moveHint')}</span>
      </h2>
      <DataList
        label={t('all')}
        items={items}
        {...queryState(projects)}
        empty={t('empty')}
        getKey={(p) => p.id}
        renderItem={(p) => (
          <div className="sortable-row" {...rowProps(p.id)}>
            <ProjectRow project={p} onEdit={() => navigate(`/projects?edit=${p.id}`)} onDelete={() => setDeleting(p)} />
          </div>
        )}
      />
      {(creating || editing) && (
        <Dialog
          label={editing ? t('editTitle', { name: editing.name }) : t('new')}
          onClose={closeDialog}
          className="dialog-padded"
        >
          <h2 className="dialog-title">{editing ? t('editTitle', { name: editing.name }) : t('new')}</h2>
          <ProjectForm key={editing?.id ?? 'new'} project={editing} onDone={closeDialog} />
          {editing && <ProjectMembers project={editing} onLeft={closeDialog} />}
        </Dialog>
      )}
      {deleting && <ProjectDeleteDialog project={deleting} onClose={() => setDeleting(undefined)} />}
    </Page>
  );
}

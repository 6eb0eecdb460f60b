import type { Project } from '@panoramix/contracts';
import { lazy, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, useLocation } from '../../lib/location.ts';
import { Button } from '../../ui/button.tsx';
import { ChoiceGroup } from '../../ui/choice-group.tsx';
import { DataList } from '../../ui/data-list.tsx';
import { queryState } from '../../ui/load-state.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { Icon } from '../../ui/icon.tsx';
import { Page } from '../../ui/page.tsx';
import { projectPath } from '../../ui/project-chips.tsx';
import { useKeyShortcuts } from '../../ui/use-key-shortcuts.ts';
import { useSortable } from '../../ui/use-sortable.ts';
import { ProjectDeleteDialog } from './project-delete-dialog.tsx';
import { ProjectForm } from './project-form.tsx';
import { ProjectRow } from './project-row.tsx';
import { PortfolioView } from './portfolio-view.tsx';
import { useProjects } from '../../api/projects.ts';
import { useProjectOperations } from './use-projects.ts';
import { projectsViews, useProjectsView } from './use-projects-view.ts';
import './messages.ts';
import './projects.css';

const ProjectPage = lazy(() => import('./project-page.tsx'));

const byFavoriteRank = (a: Project, b: Project) => (a.favoriteRank ?? 0) - (b.favoriteRank ?? 0);

/** The list of projects, or Panorama's portfolio view (the user's last choice); `c` creates one. */
function ProjectsList() {
  const { t } = useTranslation('projects');
  const { search } = useLocation();
  const projects = useProjects();
  const { move } = useProjectOperations();
  const [view, setView] = useProjectsView();
  const [deleting, setDeleting] = useState<Project>();
  const items = projects.data?.items;
  const favorites = useMemo(() => (items ?? []).filter((p) => p.isFavorite).sort(byFavoriteRank), [items]);
  const { rowProps } = useSortable(items ?? [], move);
  useKeyShortcuts({ c: () => navigate('/projects?new') });

  const creating = new URLSearchParams(search).has('new');
  const closeDialog = () => navigate('/projects', { replace: true });

  return (
    <Page
      titleId="projects-title"
      title={t('title')}
      className="projects-page"
      actions={
        <div className="page-actions">
          <ChoiceGroup
            legend={t('view')}
            value={view}
            options={projectsViews.map((value) => ({ value, label: t(`views.${value}`) }))}
            onChange={setView}
          />
          <Button variant="primary" onClick={() => navigate('/projects?new')}>
            <Icon name="plus" />
            {t('new')}
          </Button>
        </div>
      }
    >
      {favorites.length > 0 && (
        <nav aria-label={t('favorites')} className="favorites">
          {favorites.map((p) => (
            <button key={p.id} type="button" className="favorite-chip" onClick={() => navigate(projectPath(p.id))}>
              <Icon name="star" size={14} />
              {p.name}
            </button>
          ))}
        </nav>
      )}
      {view === 'portfolio' ? (
        <PortfolioView projects={items} state={queryState(projects)} />
      ) : (
        <>
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
                <ProjectRow project={p} onDelete={() => setDeleting(p)} />
              </div>
            )}
          />
        </>
      )}
      {creating && (
        <Dialog label={t('new')} onClose={closeDialog} className="dialog-padded">
          <h2 className="dialog-title">{t('new')}</h2>
          <ProjectForm onCancel={closeDialog} />
        </Dialog>
      )}
      {deleting && <ProjectDeleteDialog project={deleting} onClose={() => setDeleting(undefined)} />}
    </Page>
  );
}

/**
 * `/projects` (`?new` opens the creation dialog: palette "Nouveau projet", key `c`) and a project's
 * page `/projects/<id>`. The old `?edit=<id>` addresses (search hits indexed before the page existed) open the page.
 */
export default function ProjectsScreen() {
  const { pathname, search } = useLocation();
  const [, , id] = pathname.split('/');
  const legacy = new URLSearchParams(search).get('edit');
  useEffect(() => {
    if (legacy) navigate(projectPath(legacy), { replace: true });
  }, [legacy]);
  if (legacy) return null;
  return id ? <ProjectPage key={id} id={id} /> : <ProjectsList />;
}

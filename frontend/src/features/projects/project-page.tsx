import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useProjects } from '../../api/projects.ts';
import { RouteBoundary } from '../../app/shell/route-boundary.tsx';
import { navigate } from '../../lib/location.ts';
import { Link } from '../../ui/link.tsx';
import { LoadState, queryState } from '../../ui/load-state.tsx';
import { useProjectSections } from '../../ui/project-sections.ts';
import { ProjectActivityList } from './project-activity-list.tsx';
import { ProjectDescription } from './project-description.tsx';
import { ProjectHeader } from './project-header.tsx';
import { ProjectMembers } from './project-members.tsx';

function SectionLoading() {
  const { t } = useTranslation();
  return <div className="list-state" role="status" aria-busy="true" aria-label={t('app.loading')} />;
}

/**
 * `/projects/<id>`: the project's header (edited in place), members, then what other features put
 * on the page (tasks, notes and sessions, links, files: `projectSections`), then its recent activity.
 * Everything comes from the live replica, so another member's change shows here without a reload;
 * a project the user cannot see (never theirs, deleted, left) is a clear "not found".
 */
export default function ProjectPage({ id }: { id: string }) {
  const { t } = useTranslation('projects');
  const projects = useProjects();
  const sections = useProjectSections();
  const project = projects.data?.items.find((p) => p.id === id);
  return (
    <LoadState
      data={projects.data}
      {...queryState(projects)}
      isEmpty={() => !project}
      empty={
        <section className="page project-not-found" aria-labelledby="project-title" role="alert">
          <h1 id="project-title" className="page-title">
            {t('notFoundTitle')}
          </h1>
          <p className="muted">{t('notFoundBody')}</p>
          <Link to="/projects">{t('backToProjects')}</Link>
        </section>
      }
    >
      {() =>
        project && (
          <section className="page project-page" aria-labelledby="project-title">
            <Link to="/projects" className="muted back-link">
              ← {t('all')}
            </Link>
            <ProjectHeader project={project} />
            <ProjectDescription project={project} />
            <ProjectMembers project={project} onLeft={() => navigate('/projects')} />
            {sections.map(({ id: sectionId, component: Section }) => (
              <RouteBoundary key={sectionId} fallback={<p className="form-error">{t('sectionError')}</p>}>
                <Suspense fallback={<SectionLoading />}>
                  <Section projectId={project.id} />
                </Suspense>
              </RouteBoundary>
            ))}
            <ProjectActivityList project={project} />
          </section>
        )
      }
    </LoadState>
  );
}

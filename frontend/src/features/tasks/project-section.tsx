import { useTranslation } from 'react-i18next';
import { Link } from '../../ui/link.tsx';
import { LoadState, queryState } from '../../ui/load-state.tsx';
import type { ProjectSectionProps } from '../../ui/project-sections.ts';
import { QuickAdd } from './quick-add.tsx';
import { TaskList } from './task-list.tsx';
import { useTasks } from './use-tasks.ts';
import './messages.ts';
import './tasks.css';

/** The project page's tasks: Tâches' list and quick add, on the project's open tasks. */
export default function ProjectTasks({ projectId }: ProjectSectionProps) {
  // Rendered inside the project page, whose namespace holds the section's own texts.
  const { t } = useTranslation('projects');
  const tasks = useTasks({ projectId, status: 'open', due: 'any' });
  return (
    <section className="project-section" aria-labelledby="project-tasks-title">
      <h2 id="project-tasks-title" className="section-title">
        {t('tasksTitle')}
      </h2>
      <QuickAdd projectId={projectId} />
      <LoadState data={tasks.data} {...queryState(tasks)} isEmpty={(list) => list.length === 0} empty={t('noOpenTasks')}>
        {(list) => <TaskList tasks={list} />}
      </LoadState>
      <Link to={`/tasks?project=${projectId}&status=all`}>{t('allTasks')}</Link>
    </section>
  );
}

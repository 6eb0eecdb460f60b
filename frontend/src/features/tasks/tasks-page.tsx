import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useProjectIndex } from '../../api/projects.ts';
import { navigate, useLocation } from '../../lib/location.ts';
import { ChoiceGroup } from '../../ui/choice-group.tsx';
import { LoadMore } from '../../ui/load-more.tsx';
import { LoadState, queryState } from '../../ui/load-state.tsx';
import { Page } from '../../ui/page.tsx';
import { useKeyShortcuts } from '../../ui/use-key-shortcuts.ts';
import { useLocalPages } from '../../ui/use-local-pages.ts';
import { EisenhowerView } from './eisenhower-view.tsx';
import { QuickAdd } from './quick-add.tsx';
import { TaskFilterBar } from './task-filter-bar.tsx';
import { defaultFilter } from './task-filters.ts';
import type { TaskFilter } from './task-filters.ts';
import { TaskDetail } from './task-detail.tsx';
import { TaskList } from './task-list.tsx';
import { useTask, useTaskOperations, useTasks } from './use-tasks.ts';
import './messages.ts';
import './tasks.css';

/**
 * Rows of the list shown before "Charger plus": thousands took seconds to render, and on the web
 * bench 200 rows took 160 ms to switch to or refilter (React commits and i18n per row), over the 100 ms goal.
 */
const LIST_PAGE = 100;

type View = 'list' | 'matrix';

/** Filters and view live in the address (`?project=…&status=…&due=…&view=matrix`): shareable, kept on reload. */
function readState(search: string): { filter: TaskFilter; view: View } {
  const params = new URLSearchParams(search);
  const view = params.get('view') === 'matrix' ? 'matrix' : 'list';
  const filter: TaskFilter = {
    projectId: params.get('project') ?? defaultFilter.projectId,
    status: (params.get('status') as TaskFilter['status'] | null) ?? defaultFilter.status,
    due: (params.get('due') as TaskFilter['due'] | null) ?? defaultFilter.due,
    assignee: params.get('mine') === '1' ? 'me' : 'any',
  };
  // The matrix is about open tasks only, whatever the status filter says.
  return { view, filter: view === 'matrix' ? { ...filter, status: 'open' } : filter };
}

function writeState(filter: TaskFilter, view: View) {
  const params = new URLSearchParams();
  if (filter.projectId) params.set('project', filter.projectId);
  if (filter.status !== defaultFilter.status) params.set('status', filter.status);
  if (filter.due !== defaultFilter.due) params.set('due', filter.due);
  if (filter.assignee === 'me') params.set('mine', '1');
  if (view === 'matrix') params.set('view', view);
  const query = params.toString();
  navigate(query ? `/tasks?${query}` : '/tasks', { replace: true });
}

/** `?open=<id>` (an alarm's "Ouvrir la tâche", a link from elsewhere) opens that task's detail, whatever the filters. */
function LinkedTask({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation('tasks');
  const task = useTask(id);
  const projects = useProjectIndex();
  const operations = useTaskOperations();
  if (task.data === null) return <p role="status">{t('linkedTaskGone')}</p>;
  if (!task.data) return null;
  return (
    <TaskDetail
      task={task.data}
      project={task.data.projectId ? projects.get(task.data.projectId) : undefined}
      onSave={(patch) => task.data && operations.update.mutate({ task: task.data, patch })}
      onClose={onClose}
    />
  );
}

/** `?new` (the palette's "Nouvelle tâche") focuses the quick add field. */
export default function TasksPage() {
  const { t } = useTranslation('tasks');
  const { search } = useLocation();
  const { filter, view } = readState(search);
  const tasks = useTasks(filter);
  const shownView = `${filter.projectId}|${filter.status}|${filter.due}|${filter.assignee}`;
  const { shown, more } = useLocalPages(tasks.data, shownView, LIST_PAGE);
  const quickAdd = useRef<HTMLInputElement>(null);
  const wantsNew = new URLSearchParams(search).has('new');
  const linkedId = new URLSearchParams(search).get('open');

  useEffect(() => {
    if (wantsNew) quickAdd.current?.focus();
  }, [wantsNew]);
  useKeyShortcuts({ c: () => quickAdd.current?.focus() });

  const filtered =
    filter.projectId !== '' || filter.status !== defaultFilter.status || filter.due !== 'any' || filter.assignee === 'me';
  const projectId = filter.projectId && filter.projectId !== 'none' ? filter.projectId : null;
  return (
    <Page
      titleId="tasks-title"
      title={t('title')}
      className="tasks-page"
      actions={
        <ChoiceGroup
          legend={t('view')}
          value={view}
          options={[
            { value: 'list', label: t('views.list') },
            { value: 'matrix', label: t('views.matrix') },
          ]}
          onChange={(next) => writeState(filter, next)}
        />
      }
    >
      <QuickAdd ref={quickAdd} projectId={projectId} />
      <TaskFilterBar filter={filter} withStatus={view === 'list'} onChange={(next) => writeState(next, view)} />
      <LoadState
        data={view === 'matrix' ? tasks.data : shown}
        {...queryState(tasks)}
        isEmpty={(items) => items.length === 0 && view === 'list'}
        empty={t(filtered ? 'emptyFiltered' : 'empty')}
      >
        {(items) => (view === 'matrix' ? <EisenhowerView tasks={items} view={shownView} /> : <TaskList tasks={items} keys />)}
      </LoadState>
      {view === 'list' && <LoadMore more={more} />}
      {linkedId && <LinkedTask id={linkedId} onClose={() => writeState(filter, view)} />}
    </Page>
  );
}

import type { Task } from '@panoramix/contracts';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSortable } from '../../ui/use-sortable.ts';
import { useKeyShortcuts } from '../../ui/use-key-shortcuts.ts';
import { useProjectIndex, useProjects } from '../../api/projects.ts';
import { useCurrentUserId } from '../../app/auth/current-user.ts';
import { TaskBulkBar } from './task-bulk-bar.tsx';
import { TaskDetail } from './task-detail.tsx';
import { TaskRow, statusOptions } from './task-row.tsx';
import type { RowActions, RowContext } from './task-row.tsx';
import { useSelection } from './use-selection.ts';
import { useTaskOperations } from './use-tasks.ts';

/**
 * Rows mounted with the list itself: a screenful. The rest follows through useDeferredValue, a
 * background render React interrupts every few milliseconds, so the page answers while it mounts:
 * mounting 100 rows in one go took a 405 ms task at 1× CPU (bench/src/lighthouse.bench.ts).
 */
const FIRST_ROWS = 20;

/**
 * The tasks in manual order, reorderable, with a selection for bulk actions. `keys`: the Tâches
 * single keys (e edit, x select, d deadline, j/k or ↑/↓ move the active row), for the one list of a screen.
 */
export function TaskList({ tasks, keys = false }: { tasks: readonly Task[]; keys?: boolean }) {
  const { t } = useTranslation('tasks');
  const { t: common } = useTranslation();
  const projects = useProjectIndex();
  const projectList = useProjects().data?.items;
  const operations = useTaskOperations();
  const selection = useSelection(tasks);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const { rowProps } = useSortable(tasks, operations.move);
  const list = useRef<HTMLUListElement>(null);
  // A new list (a filter, another page of rows, a task that changed) shows once rendered in the
  // background; until then the rows shown stay. Keys and selection act on `tasks`, the latest.
  const rows = useDeferredValue(tasks, tasks.length > FIRST_ROWS ? tasks.slice(0, FIRST_ROWS) : undefined);

  // One set of actions and labels for every row, so rows re-render only when their task does.
  const ops = useRef(operations);
  ops.current = operations;
  const select = useRef(selection.select);
  select.current = selection.select;
  const actions = useMemo<RowActions>(
    () => ({
      patch: (task, patch) => ops.current.update.mutate({ task, patch }),
      remove: (task) => ops.current.remove.mutate(task),
      promote: (task) => ops.current.promote.mutate(task),
      open: (task) => setOpenId(task.id),
      select: (task, on, range) => select.current(task.id, on, range),
    }),
    [],
  );
  const me = useCurrentUserId();
  const context = useMemo<RowContext>(
    () => ({
      t,
      me,
      now: Date.now(),
      statusOptions: statusOptions(common),
      moveTargets: [{ value: 'none', label: t('inbox') }, ...(projectList ?? []).map((p) => ({ value: p.id, label: p.name }))],
    }),
    [t, me, common, projectList],
  );

  const activeIndex = tasks.findIndex((task) => task.id === activeId);
  const active = activeIndex >= 0 ? tasks[activeIndex] : undefined;
  const rowOf = (id: string) => list.current?.querySelector<HTMLElement>(`[data-task-id="${id}"]`);
  function step(by: number) {
    const next = tasks[Math.min(tasks.length - 1, Math.max(0, activeIndex + by))];
    if (!next) return;
    setActiveId(next.id);
    rowOf(next.id)?.scrollIntoView({ block: 'nearest' });
  }
  useKeyShortcuts(
    {
      j: () => step(1),
      k: () => step(-1),
      ArrowDown: () => step(1),
      ArrowUp: () => step(-1),
      e: () => active && setOpenId(active.id),
      x: () => active && selection.select(active.id, !selection.picked.has(active.id), false),
      d: () => active && rowOf(active.id)?.querySelector<HTMLInputElement>('.task-deadline')?.focus(),
    },
    keys,
  );

  const opened = tasks.find((task) => task.id === openId);
  return (
    <div className="task-list">
      <TaskBulkBar tasks={tasks} selected={selection.selected} context={context} onSelectAll={selection.selectAll} />
      <ul ref={list} className="list" aria-label={t('listLabel')}>
        {rows.map((task) => (
          <li
            key={task.id}
            className="sortable-row"
            data-task-id={task.id}
            {...rowProps(task.id)}
            onFocusCapture={() => setActiveId(task.id)}
          >
            <TaskRow
              task={task}
              project={task.projectId ? projects.get(task.projectId) : undefined}
              selected={selection.picked.has(task.id)}
              active={task.id === activeId}
              actions={actions}
              context={context}
            />
          </li>
        ))}
      </ul>
      {opened && (
        <TaskDetail
          task={opened}
          project={opened.projectId ? projects.get(opened.projectId) : undefined}
          onSave={(patch) => operations.update.mutate({ task: opened, patch })}
          onClose={() => setOpenId(null)}
        />
      )}
    </div>
  );
}

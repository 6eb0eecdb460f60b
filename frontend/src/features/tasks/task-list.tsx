import type { Task } from '@panoramix/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button.tsx';
import { useSortable } from '../../ui/use-sortable.ts';
import { useProjectIndex } from '../../api/projects.ts';
import { TaskRow, statusOptions } from './task-row.tsx';
import { useTaskOperations } from './use-tasks.ts';

/** The tasks in manual order, reorderable, with a selection for bulk completion. */
export function TaskList({ tasks }: { tasks: readonly Task[] }) {
  const { t } = useTranslation('tasks');
  const { t: common } = useTranslation();
  const projects = useProjectIndex();
  const { move, completeMany, update, remove } = useTaskOperations();
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  // Tasks gone from the list (completed, deleted elsewhere) leave the selection too.
  const selected = tasks.filter((task) => picked.has(task.id)).map((task) => task.id);
  const { rowProps } = useSortable(tasks, move);
  const select = (id: string, on: boolean) =>
    setPicked((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const now = Date.now();
  const statuses = statusOptions(common);

  return (
    <div className="task-list">
      <div className="bulk-bar">
        <label className="check">
          <input
            type="checkbox"
            checked={selected.length > 0 && selected.length === tasks.length}
            ref={(box) => {
              if (box) box.indeterminate = selected.length > 0 && selected.length < tasks.length;
            }}
            onChange={(e) => setPicked(new Set(e.target.checked ? tasks.map((task) => task.id) : []))}
          />
          {selected.length > 0 ? t('selected', { count: selected.length }) : t('selectAll')}
        </label>
        {selected.length > 0 && (
          <>
            <Button
              variant="primary"
              disabled={completeMany.isPending}
              onClick={() => completeMany.mutate(selected, { onSuccess: () => setPicked(new Set()) })}
            >
              {t('completeSelected')}
            </Button>
            <Button variant="ghost" onClick={() => setPicked(new Set())}>
              {t('clearSelection')}
            </Button>
          </>
        )}
        <span className="muted section-hint bulk-hint">{t('moveHint')}</span>
      </div>
      <ul className="list" aria-label={t('listLabel')}>
        {tasks.map((task) => (
          <li key={task.id} className="sortable-row" {...rowProps(task.id)}>
            <TaskRow
              task={task}
              project={task.projectId ? projects.get(task.projectId) : undefined}
              selected={picked.has(task.id)}
              onSelect={(on) => select(task.id, on)}
              onPatch={(patch) => update.mutate({ task, patch })}
              onDelete={() => remove.mutate(task)}
              now={now}
              statusOptions={statuses}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}

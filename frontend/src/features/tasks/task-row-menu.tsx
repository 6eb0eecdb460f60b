import type { Task } from '@panoramix/contracts';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../lib/location.ts';
import type { RowActions, RowContext } from './task-row.tsx';

interface TaskRowMenuProps {
  task: Task;
  actions: RowActions;
  context: RowContext;
  onClose: () => void;
}

/**
 * A row's less frequent actions, rendered only while open (a list shows hundreds of rows): details,
 * promote to top, move to a project or the inbox, a new alarm about the task. Escape or a click
 * elsewhere closes it.
 */
export function TaskRowMenu({ task, actions, context, onClose }: TaskRowMenuProps) {
  const { t } = useTranslation('tasks');
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    root.current?.querySelector<HTMLElement>('button, select')?.focus();
    const outside = (event: MouseEvent) => !root.current?.parentElement?.contains(event.target as Node) && onClose();
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [onClose]);
  const run = (action: () => void) => () => {
    onClose();
    action();
  };
  return (
    <div
      ref={root}
      className="task-menu"
      role="menu"
      aria-label={t('menuOf', { title: task.title })}
      onKeyDown={(event) => event.key === 'Escape' && (event.stopPropagation(), onClose())}
    >
      <button type="button" role="menuitem" className="task-menu-item" onClick={run(() => actions.open(task))}>
        {t('details')}
      </button>
      <button type="button" role="menuitem" className="task-menu-item" onClick={run(() => actions.promote(task))}>
        {t('promote')}
      </button>
      <label className="task-menu-item task-menu-move">
        {t('moveTo')}
        <select
          className="select select-compact"
          value={task.projectId ?? 'none'}
          onChange={(event) => {
            onClose();
            actions.patch(task, { projectId: event.target.value === 'none' ? null : event.target.value });
          }}
        >
          {context.moveTargets.map((target) => (
            <option key={target.value} value={target.value}>
              {target.label}
            </option>
          ))}
        </select>
      </label>
      {/* The Alarmes tab (its own feature) reads these parameters and opens its form about the task. */}
      <button
        type="button"
        role="menuitem"
        className="task-menu-item"
        onClick={run(() => navigate(`/alarms?new=1&taskId=${task.id}`))}
      >
        {t('newAlarm')}
      </button>
    </div>
  );
}

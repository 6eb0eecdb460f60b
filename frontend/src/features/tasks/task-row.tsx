import type { Project, Task } from '@panoramix/contracts';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { taskStatuses } from 'virtual:panoramix/contracts';
import { useCurrentUserId } from '../../app/auth/current-user.ts';
import { fromDateInput, toDateInput } from '../../lib/date-input.ts';
import { Button } from '../../ui/button.tsx';
import { Icon } from '../../ui/icon.tsx';
import { InlineEdit } from '../../ui/inline-edit.tsx';
import { ColorDot } from '../../ui/project-chips.tsx';
import { TaskFlags } from './task-flags.tsx';
import { isOpen } from '@panoramix/contracts/dashboard-rules';
import type { TaskPatch } from './use-tasks.ts';

interface TaskRowProps {
  task: Task;
  project: Project | undefined;
  selected: boolean;
  onSelect: (selected: boolean) => void;
  /** The list's operations (one set for every row: thousands of rows may be shown). */
  onPatch: (patch: TaskPatch) => void;
  onDelete: () => void;
  now: number;
  /** The status choices, labelled once for the whole list (see `statusOptions`). */
  statusOptions: readonly StatusOption[];
}

interface StatusOption {
  value: Task['status'];
  label: string;
}

/** The status choices in the user's language: made once per list, not once per row (a list shows hundreds). */
export const statusOptions = (t: TFunction): StatusOption[] =>
  taskStatuses.map((status) => ({ value: status, label: t(`tasks.statuses.${status}`) }));

/** One task: select, complete, inline title, status, deadline, urgent/important flags, delete. */
export function TaskRow({ task, project, selected, onSelect, onPatch: patch, onDelete, now, statusOptions }: TaskRowProps) {
  const { t } = useTranslation('tasks');
  const title = task.title;
  const late = isOpen(task) && task.deadline !== null && new Date(task.deadline).getTime() < now;
  // In a shared project, who created a task matters when it was not me.
  const me = useCurrentUserId();
  const creator = task.userId !== me ? project?.members.find((member) => member.id === task.userId) : undefined;
  return (
    <div className="task-row" data-status={task.status}>
      <input
        type="checkbox"
        className="row-check"
        checked={selected}
        onChange={(e) => onSelect(e.target.checked)}
        aria-label={t('select', { title })}
      />
      <input
        type="checkbox"
        className="done-check"
        checked={task.status === 'done'}
        onChange={(e) => patch({ status: e.target.checked ? 'done' : 'todo' })}
        aria-label={t(task.status === 'done' ? 'markOpen' : 'markDone', { title })}
      />
      <div className="task-main">
        <InlineEdit value={title} inputLabel={t('titleLabel')} hint={t('editHint')} onSave={(next) => patch({ title: next })} />
        <span className="task-chips">
          {project && (
            <span className="chip">
              <ColorDot color={project.colorLabel} />
              {project.name}
            </span>
          )}
          {creator && <span className="chip">{t('createdBy', { name: creator.displayName })}</span>}
          {late && <span className="chip chip-danger">{t('late')}</span>}
        </span>
      </div>
      <div className="task-controls">
        <select
          className="select select-compact"
          value={task.status}
          onChange={(e) => patch({ status: e.target.value as Task['status'] })}
          aria-label={t('statusOf', { title })}
        >
          {statusOptions.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        <input
          type="date"
          className="input input-compact"
          value={toDateInput(task.deadline)}
          onChange={(e) => patch({ deadline: fromDateInput(e.target.value) })}
          aria-label={t('deadlineOf', { title })}
          data-late={late || undefined}
        />
        <TaskFlags task={task} onToggle={patch} />
        <Button variant="ghost" icon aria-label={t('deleteTask', { title })} onClick={onDelete}>
          <Icon name="trash" />
        </Button>
      </div>
    </div>
  );
}

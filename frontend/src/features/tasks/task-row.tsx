import type { Project, Task } from '@panoramix/contracts';
import type { TFunction } from 'i18next';
import { memo, useState } from 'react';
import { taskStatuses } from 'virtual:panoramix/contracts';
import { Button } from '../../ui/button.tsx';
import { DateField } from '../../ui/date-field.tsx';
import { Icon } from '../../ui/icon.tsx';
import { InlineEdit } from '../../ui/inline-edit.tsx';
import { ProjectChip } from '../../ui/project-chips.tsx';
import { TaskFlags } from './task-flags.tsx';
import { isOpen } from '@panoramix/contracts/dashboard-rules';
import { TaskRowMenu } from './task-row-menu.tsx';
import type { TaskPatch } from './use-tasks.ts';

/** What a row can do, made once for the whole list (thousands of rows may be shown). */
export interface RowActions {
  patch: (task: Task, patch: TaskPatch) => void;
  remove: (task: Task) => void;
  promote: (task: Task) => void;
  open: (task: Task) => void;
  /** `range`: shift held, select from the last row picked to this one. */
  select: (task: Task, on: boolean, range: boolean) => void;
}

interface Option {
  value: string;
  label: string;
}

/**
 * What every row shows the same way, labelled once per list: a hook per row (the translation's
 * wrapper above all) cost more than the row's own elements when hundreds mount.
 */
export interface RowContext {
  t: TFunction<'tasks'>;
  /** The signed-in user's id. */
  me: string;
  now: number;
  statusOptions: readonly Option[];
  /** Where a task can be moved: "Sans projet" and every project. */
  moveTargets: readonly Option[];
}

interface TaskRowProps {
  task: Task;
  project: Project | undefined;
  selected: boolean;
  active: boolean;
  actions: RowActions;
  context: RowContext;
}

/** The status choices in the user's language: made once per list, not once per row (a list shows hundreds). */
export const statusOptions = (t: TFunction): Option[] =>
  taskStatuses.map((status) => ({ value: status, label: t(`tasks.statuses.${status}`) }));

/** One task: select, complete, inline title, status, deadline, urgent/important flags, its menu, delete. */
export const TaskRow = memo(function TaskRow({ task, project, selected, active, actions, context }: TaskRowProps) {
  const { t, me } = context;
  const [menu, setMenu] = useState(false);
  const title = task.title;
  const patch = (change: TaskPatch) => actions.patch(task, change);
  const late = isOpen(task) && task.deadline !== null && new Date(task.deadline).getTime() < context.now;
  // In a shared project, who created a task matters when it was not me.
  const creator = task.userId !== me ? project?.members.find((member) => member.id === task.userId) : undefined;
  const assignee = task.assigneeId ? project?.members.find((member) => member.id === task.assigneeId) : undefined;
  return (
    <div className="task-row" data-status={task.status} data-active={active || undefined}>
      <input
        type="checkbox"
        className="row-check"
        checked={selected}
        // A checkbox's change comes from a click: its Shift selects a range.
        onChange={(e) => actions.select(task, e.target.checked, (e.nativeEvent as MouseEvent).shiftKey)}
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
          {project && <ProjectChip project={project} />}
          {creator && <span className="chip">{t('createdBy', { name: creator.displayName })}</span>}
          {task.assigneeId && (
            <span className="chip">
              {t('assignedTo', { name: task.assigneeId === me ? t('me') : (assignee?.displayName ?? '…') })}
            </span>
          )}
          {task.tags.map((tag) => (
            <span key={tag} className="chip chip-tag">
              {tag}
            </span>
          ))}
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
          {context.statusOptions.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        <DateField
          className="input-compact task-deadline"
          value={task.deadline}
          onChange={(deadline) => patch({ deadline })}
          placeholder={t('datePlaceholder')}
          aria-label={t('deadlineOf', { title })}
          data-late={late || undefined}
        />
        <TaskFlags task={task} onToggle={patch} t={t} />
        <Button
          variant="ghost"
          icon
          aria-label={t('menuOf', { title })}
          aria-expanded={menu}
          aria-haspopup="menu"
          onClick={() => setMenu(!menu)}
        >
          <Icon name="menu" />
        </Button>
        <Button variant="ghost" icon aria-label={t('deleteTask', { title })} onClick={() => actions.remove(task)}>
          <Icon name="trash" />
        </Button>
      </div>
      {menu && <TaskRowMenu task={task} actions={actions} context={context} onClose={() => setMenu(false)} />}
    </div>
  );
});

import type { Task } from '@panoramix/contracts';
import type { TFunction } from 'i18next';
import type { TaskPatch } from './use-tasks.ts';

/**
 * The urgent (U) and important (I) toggles that place a task in the Eisenhower matrix; the list saves
 * them. `t`: the tasks namespace, from the list (one translation hook per list, not per row).
 */
export function TaskFlags({ task, onToggle, t }: { task: Task; onToggle: (patch: TaskPatch) => void; t: TFunction<'tasks'> }) {
  const flags = [
    { key: 'isUrgent', letter: 'U', label: t('urgentOf', { title: task.title }), hint: t('urgent') },
    { key: 'isImportant', letter: 'I', label: t('importantOf', { title: task.title }), hint: t('important') },
  ] as const;
  return (
    <span className="task-flags">
      {flags.map(({ key, letter, label, hint }) => (
        <button
          key={key}
          type="button"
          className={`flag-toggle flag-${key}`}
          aria-pressed={task[key]}
          aria-label={label}
          title={hint}
          onClick={() => onToggle({ [key]: !task[key] })}
        >
          {letter}
        </button>
      ))}
    </span>
  );
}

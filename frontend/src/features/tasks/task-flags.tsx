import type { Task } from '@panoramix/contracts';
import { useTranslation } from 'react-i18next';
import { useTaskOperations } from './use-tasks.ts';

/** The urgent (U) and important (I) toggles that place a task in the Eisenhower matrix. */
export function TaskFlags({ task }: { task: Task }) {
  const { t } = useTranslation('tasks');
  const { update } = useTaskOperations();
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
          onClick={() => update.mutate({ task, patch: { [key]: !task[key] } })}
        >
          {letter}
        </button>
      ))}
    </span>
  );
}

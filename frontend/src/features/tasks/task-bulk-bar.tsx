import type { Task } from '@panoramix/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button.tsx';
import { DateField } from '../../ui/date-field.tsx';
import type { RowContext } from './task-row.tsx';
import { useTaskOperations } from './use-tasks.ts';
import type { BulkPatch } from './use-tasks.ts';

interface TaskBulkBarProps {
  tasks: readonly Task[];
  selected: readonly string[];
  context: RowContext;
  onSelectAll: (on: boolean) => void;
}

const flagChoices = ['urgent', 'notUrgent', 'important', 'notImportant'] as const;
const flagPatch: Record<(typeof flagChoices)[number], BulkPatch> = {
  urgent: { isUrgent: true },
  notUrgent: { isUrgent: false },
  important: { isImportant: true },
  notImportant: { isImportant: false },
};

/**
 * What to do with the selection, each one request (the server changes every task or none): status,
 * deadline, urgent/important, a tag added, a move to a project or the inbox, completion, deletion
 * (with "Annuler", which brings the same tasks back).
 */
export function TaskBulkBar({ tasks, selected, context, onSelectAll }: TaskBulkBarProps) {
  const { t } = useTranslation('tasks');
  const { completeMany, updateMany, removeMany } = useTaskOperations();
  const [tag, setTag] = useState('');
  const apply = (patch: BulkPatch) =>
    updateMany.mutate({ ids: [...selected], patch, before: tasks.filter((task) => selected.includes(task.id)) });
  const count = selected.length;
  const busy = updateMany.isPending || removeMany.isPending || completeMany.isPending;
  const pick = (placeholder: string, options: readonly { value: string; label: string }[], onPick: (value: string) => void) => (
    <select
      className="select select-compact"
      value=""
      aria-label={placeholder}
      disabled={busy}
      onChange={(event) => event.target.value !== '' && onPick(event.target.value)}
    >
      <option value="">{placeholder}</option>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
  return (
    <div className="bulk-bar" role="toolbar" aria-label={t('bulkActions')}>
      <label className="check">
        <input
          type="checkbox"
          checked={count > 0 && count === tasks.length}
          ref={(box) => {
            if (box) box.indeterminate = count > 0 && count < tasks.length;
          }}
          onChange={(e) => onSelectAll(e.target.checked)}
        />
        {count > 0 ? t('selected', { count }) : t('selectAll')}
      </label>
      {count > 0 ? (
        <>
          <Button variant="primary" disabled={busy} onClick={() => completeMany.mutate([...selected])}>
            {t('completeSelected')}
          </Button>
          {pick(t('bulkStatus'), context.statusOptions, (status) => apply({ status: status as Task['status'] }))}
          {pick(
            t('bulkFlags'),
            flagChoices.map((choice) => ({ value: choice, label: t(`flagChoices.${choice}`) })),
            (choice) => apply(flagPatch[choice as (typeof flagChoices)[number]]),
          )}
          {pick(t('bulkMove'), context.moveTargets, (projectId) => apply({ projectId: projectId === 'none' ? null : projectId }))}
          <DateField
            className="input-compact"
            value={null}
            onChange={(deadline) => apply({ deadline })}
            placeholder={t('bulkDeadline')}
            aria-label={t('bulkDeadline')}
            disabled={busy}
          />
          <form
            className="bulk-tag"
            onSubmit={(event) => {
              event.preventDefault();
              if (tag.trim() === '') return;
              apply({ addTags: [tag.trim()] });
              setTag('');
            }}
          >
            <input
              className="input input-compact"
              value={tag}
              maxLength={50}
              onChange={(event) => setTag(event.target.value)}
              placeholder={t('bulkTag')}
              aria-label={t('bulkTag')}
            />
          </form>
          <Button
            variant="danger"
            disabled={busy}
            onClick={() => removeMany.mutate(tasks.filter((task) => selected.includes(task.id)))}
          >
            {t('deleteSelected')}
          </Button>
          <Button variant="ghost" onClick={() => onSelectAll(false)}>
            {t('clearSelection')}
          </Button>
        </>
      ) : (
        <span className="muted section-hint bulk-hint">{t('moveHint')}</span>
      )}
    </div>
  );
}

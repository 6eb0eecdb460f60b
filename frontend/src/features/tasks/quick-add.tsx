import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuickEntry } from '../../ui/use-quick-entry.ts';
import { useTaskOperations } from './use-tasks.ts';

/**
 * Typing tasks one after another: Enter creates the task and clears the field at once, so the
 * next title can be typed while the first is saved; a failed title comes back into the field.
 */
export function QuickAdd({ projectId, ref }: { projectId: string | null; ref?: Ref<HTMLInputElement> }) {
  const { t } = useTranslation('tasks');
  const { create } = useTaskOperations();
  const {
    value: title,
    setValue: setTitle,
    error,
    submit,
  } = useQuickEntry((text) => create.mutateAsync({ title: text, projectId }));

  return (
    <form className="quick-add" onSubmit={submit}>
      <label className="visually-hidden" htmlFor="quick-add-input">
        {t('quickAdd')}
      </label>
      <input
        ref={ref}
        id="quick-add-input"
        className="input"
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        placeholder={t('quickAddPlaceholder')}
        aria-describedby="quick-add-hint"
        aria-invalid={error ? true : undefined}
        maxLength={500}
        autoComplete="off"
      />
      <span id="quick-add-hint" className={error ? 'field-error' : 'field-hint'} role={error ? 'alert' : undefined}>
        {error ?? t('quickAddHint')}
      </span>
    </form>
  );
}

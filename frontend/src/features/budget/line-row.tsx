import type { BudgetLine } from '@panoramix/contracts';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay, parseDay } from '../../lib/date-input.ts';
import { Button } from '../../ui/button.tsx';
import { Icon } from '../../ui/icon.tsx';
import { InlineEdit } from '../../ui/inline-edit.tsx';
import { showToast } from '../../ui/toast.tsx';
import { editableAmount, formatMoney, parseTypedAmount } from './money.ts';
import type { Language } from './money.ts';
import type { LinePatch } from './use-budget.ts';

/** What every row is given, the same object for all so a row re-renders only when its line does. */
export interface RowActions {
  language: Language;
  patch: (line: BudgetLine, patch: LinePatch) => void;
  remove: (line: BudgetLine) => void;
  select: (line: BudgetLine, on: boolean) => void;
  activate: (line: BudgetLine) => void;
}

type TextField = 'vendor' | 'label' | 'category' | 'team';

/** One line of the table; each cell edits in place (Enter saves, Esc cancels). */
export const LineRow = memo(function LineRow({
  line,
  selected,
  active,
  actions,
}: {
  line: BudgetLine;
  selected: boolean;
  active: boolean;
  actions: RowActions;
}) {
  const { t } = useTranslation('budget');
  const { language } = actions;
  const hint = t('editHint');
  const label = (field: string) => t('editField', { field, vendor: line.vendor });
  const text = (field: TextField) => (
    <td className={`budget-cell budget-${field}`} data-label={t(field)}>
      <InlineEdit
        value={line[field] ?? ''}
        inputLabel={label(t(field))}
        hint={hint}
        onSave={(next) => actions.patch(line, { [field]: next })}
      >
        {line[field] || <span className="muted">—</span>}
      </InlineEdit>
    </td>
  );
  return (
    <tr
      className={active ? 'budget-row is-active' : 'budget-row'}
      data-line-id={line.id}
      data-active={active || undefined}
      onFocusCapture={() => actions.activate(line)}
    >
      <td className="budget-cell budget-pick">
        <input
          type="checkbox"
          className="row-check"
          aria-label={t('select', { vendor: line.vendor })}
          checked={selected}
          onChange={(event) => actions.select(line, event.target.checked)}
        />
      </td>
      <td className="budget-cell budget-date" data-label={t('date')}>
        <InlineEdit
          value={formatDay(line.date, language)}
          inputLabel={label(t('date'))}
          hint={hint}
          onSave={(typed) => {
            const date = parseDay(typed, language);
            if (date) actions.patch(line, { date });
            else showToast(t('badDate', { typed }), 'error');
          }}
        >
          {formatDay(line.date, language) || <span className="muted">—</span>}
        </InlineEdit>
      </td>
      {text('vendor')}
      {text('label')}
      {text('category')}
      {text('team')}
      <td className="budget-cell budget-amount" data-label={t('amount')}>
        <InlineEdit
          value={editableAmount(line.amountCents, language)}
          inputLabel={label(t('amount'))}
          hint={hint}
          onSave={(typed) => {
            const amountCents = parseTypedAmount(typed);
            if (amountCents === null) showToast(t('badAmount', { typed }), 'error');
            else actions.patch(line, { amountCents });
          }}
        >
          {formatMoney(line.amountCents, line.currency, language)}
        </InlineEdit>
      </td>
      <td className="budget-cell budget-actions">
        <Button variant="ghost" icon aria-label={t('delete', { vendor: line.vendor })} onClick={() => actions.remove(line)}>
          <Icon name="trash" />
        </Button>
      </td>
    </tr>
  );
});
